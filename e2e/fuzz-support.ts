import type { Db } from "~db/client.server";
import { sql } from "drizzle-orm";

// Support for fuzz.spec.ts: the fields of a form read off its zod schema (so the fuzz follows the
// schemas as they change), malformed values, a seeded random source, and a fingerprint of every
// row in the database.

/** What kind of value a field holds, as far as choosing a plausible value goes. */
export type FieldKind = { kind: "text" } | { kind: "number" } | { kind: "boolean" } | { kind: "choice"; values: string[] };
export type Field = { name: string; type: FieldKind };
/** One form: its fields, and the values it always carries (a union's button). */
export type FormShape = { fields: Field[]; fixed: Record<string, string> };

type Def = { type: string; [key: string]: unknown };
type Schema = { _zod: { def: Def } };

const defOf = (schema: unknown) => (schema as Schema)._zod.def;

/**
 * The forms a schema accepts, as Conform names their fields (`a.b`, `list[0]`): one per option
 * of a discriminated union (with its button fixed), else one.
 */
export function formsOf(schema: unknown): FormShape[] {
  const def = defOf(schema);
  if (def.type === "union") {
    const discriminator = def.discriminator as string | undefined;
    return (def.options as unknown[]).flatMap((option) => {
      const fields = fieldsOf(option, "");
      const button = fields.find((f) => f.name === discriminator);
      const fixed = button && button.type.kind === "choice" ? { [button.name]: button.type.values[0]! } : {};
      return [{ fields: fields.filter((f) => f !== button), fixed }];
    });
  }
  return [{ fields: fieldsOf(schema, ""), fixed: {} }];
}

function fieldsOf(schema: unknown, name: string): Field[] {
  const def = defOf(schema);
  switch (def.type) {
    case "object":
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, inner]) => fieldsOf(inner, name ? `${name}.${key}` : key));
    case "array":
      // Two rows: enough to reach the code that reads a list.
      return [0, 1].flatMap((i) => fieldsOf(def.element, `${name}[${i}]`));
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "catch":
    case "readonly":
    case "nonoptional":
      return fieldsOf(def.innerType, name);
    case "pipe":
      // z.preprocess is a pipe from a transform: the form fills the schema after it.
      return fieldsOf(defOf(def.in).type === "transform" ? def.out : def.in, name);
    case "union":
      return fieldsOf((def.options as unknown[])[0], name);
    case "enum":
      return [{ name, type: { kind: "choice", values: Object.values(def.entries as Record<string, string>).map(String) } }];
    case "literal":
      return [{ name, type: { kind: "choice", values: (def.values as unknown[]).map(String) } }];
    case "number":
    case "int":
    case "bigint":
      return [{ name, type: { kind: "number" } }];
    case "boolean":
      return [{ name, type: { kind: "boolean" } }];
    default:
      return [{ name, type: { kind: "text" } }];
  }
}

/** Values the gate must refuse wherever they appear: no body carrying one may change a row. */
export const REFUSED_VALUES = [
  "Toronto\u0000",
  "\u0000",
  "bell\u0007 and escape\u001b[31m",
  "next line\u0085 (C1)",
  "x".repeat(100_000),
] as const;

/** Odd but possible text, and values out of every range: the server must answer each calmly. */
export const ODD_VALUES = [
  "",
  "   ",
  "🦀 Rust, 🎓 graduate, 👩🏽‍💻 developer",
  "جامعة تورنتو — طالبة علوم الحاسوب",
  "\u202Eevil\u202C and \u2066isolate\u2069",
  '<script>alert("x")</script><img src=x onerror=alert(1)>',
  "' OR 1=1 --",
  "../../etc/passwd",
  "-1",
  "0",
  "1e309",
  "99999999999999999999",
  "NaN",
  "Infinity",
  "2026-02-31",
  "0000-00-00",
  "9999-99-99",
  "not a date",
  "UNKNOWN_VALUE",
  "__proto__",
  "on",
  "true",
  "00000000-0000-0000-0000-000000000000",
  "%00",
] as const;

/** A small seeded random source (mulberry32), so a failing run can be repeated with FUZZ_SEED. */
export function randomSource(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  return { next, pick };
}

function plausible(type: FieldKind, pick: <T>(list: readonly T[]) => T) {
  switch (type.kind) {
    case "choice":
      return pick(type.values);
    case "number":
      return pick(["1", "3", "25"]);
    case "boolean":
      return "on";
    default:
      return "A perfectly ordinary answer.";
  }
}

/**
 * One malformed body for `form`: each field left out, plausible, odd, or sent twice (an array
 * where one value belongs), and at least one field — or a field no form has — carrying a value
 * the gate refuses. The button is usually the form's own, sometimes one no page sends.
 */
export function malformedBody(form: FormShape, random: ReturnType<typeof randomSource>): [string, string][] {
  const { next, pick } = random;
  const body: [string, string][] = [];
  for (const [name, value] of Object.entries(form.fixed)) body.push([name, next() < 0.85 ? value : pick(["UNKNOWN_BUTTON", "", value.toUpperCase()])]);
  for (const field of form.fields) {
    const roll = next();
    if (roll < 0.2) continue;
    if (roll < 0.5) body.push([field.name, plausible(field.type, pick)]);
    else if (roll < 0.85) body.push([field.name, pick(ODD_VALUES)]);
    else body.push([field.name, pick(ODD_VALUES)], [field.name, pick(ODD_VALUES)]);
  }
  const names = [...form.fields.map((f) => f.name), "note"];
  const refused = pick(REFUSED_VALUES);
  const target = pick(names);
  const at = body.findIndex(([name]) => name === target);
  if (at >= 0) body[at] = [target, refused];
  else body.push([target, refused]);
  return body;
}

/** A fingerprint of every row in the app's tables (a session by its id and owner only: reading a page may touch its last-active time). */
export async function fingerprintRows(db: Db): Promise<Map<string, string>> {
  const tables = await db.execute<{ name: string }>(
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const prints = new Map<string, string>();
  for (const { name } of tables) {
    const row = name === "sessions" ? sql.raw("(t.id, t.user_id)::text") : sql.raw("t::text");
    const [print] = await db.execute<{ n: number; hash: string | null }>(
      sql`select count(*)::int as n, md5(string_agg(md5(${row}), '' order by md5(${row}))) as hash from ${sql.identifier(name)} t`,
    );
    prints.set(name, `${print!.n}:${print!.hash ?? ""}`);
  }
  return prints;
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: Map<string, string>, after: Map<string, string>) {
  return [...new Set([...before.keys(), ...after.keys()])].filter((name) => before.get(name) !== after.get(name));
}
