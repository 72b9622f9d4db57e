import { parse, type Intent, type Submission } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { $ZodType, input, output } from "zod/v4/core";

// The one gate every form and query string passes before a schema reads it: text is put in
// Unicode NFC with line breaks as "\n" and the surrounding space trimmed; a field carrying a
// control character (PostgreSQL refuses NUL, and none belongs in a person's text) or more text
// than any field takes is refused with a message on that field. Shared by the server's actions
// and the browser's validation, so both say the same.

/** C0 controls but tab, line feed and carriage return; DEL; C1 controls. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/u;

/** More than the longest field (a learning plan, 5,000 characters) with room to spare. */
export const MAX_FIELD_LENGTH = 10_000;

export const GATE_MESSAGES = {
  control: "This text has an invisible control character in it, often left by copying from another program. Retype it or paste it as plain text, then try again.",
  tooLong: `This is longer than any field here takes (${MAX_FIELD_LENGTH.toLocaleString("en-US")} characters).`,
} as const;

/**
 * A form whose button (its `intent`, `move` or `decision`) is none the page sends: an old page,
 * or one altered by hand. Schemas give it to their discriminated unions; parseForm shows it on
 * the form as a whole, where a person reads it.
 */
export const UNKNOWN_BUTTON = "Steppingstone does not know that button: the page may be out of date. Reload it and try again.";

/** Conform's own fields: a list button's intent and the form's state, each JSON. */
const CONFORM_FIELDS = ["__intent__", "__state__"];

/** A request our pages never send (an id or a button missing or altered): refused with this. */
export const NOT_FROM_OUR_PAGES = "This request is not one Steppingstone's pages send, so nothing was changed. Reload the page and try again.";

export type GateProblem = keyof typeof GATE_MESSAGES;

/** One value through the gate: normalised text, and what was wrong with it, if anything. */
export function cleanText(raw: string): { value: string; problem?: GateProblem } {
  const value = raw.normalize("NFC").replace(/\r\n?/g, "\n").trim();
  if (CONTROL_CHARACTER.test(value)) {
    return { value: value.replace(new RegExp(CONTROL_CHARACTER.source, "gu"), ""), problem: "control" };
  }
  if (value.length > MAX_FIELD_LENGTH) return { value: value.slice(0, MAX_FIELD_LENGTH), problem: "tooLong" };
  return { value };
}

type Entries = FormData | URLSearchParams;

/**
 * Every text entry of `entries` through `cleanText`. Returns the cleaned entries (a refused
 * value keeps its text without what was wrong, so a form shows it again) and a message per
 * field name that was refused. Files pass unchanged.
 */
export function gateEntries<T extends Entries>(entries: T): { entries: T; errors: Record<string, string[]> } {
  const cleaned = (entries instanceof FormData ? new FormData() : new URLSearchParams()) as T;
  const errors: Record<string, string[]> = {};
  for (const [rawName, value] of entries.entries()) {
    const name = cleanText(rawName);
    if (name.problem) {
      // why: a field name no form of ours has; nothing to show it on, so the form is refused as a whole.
      errors[""] = [GATE_MESSAGES[name.problem]];
      continue;
    }
    if (typeof value !== "string") {
      (cleaned as FormData).append(name.value, value);
      continue;
    }
    const text = cleanText(value);
    if (text.problem) errors[name.value] = [GATE_MESSAGES[text.problem]];
    cleaned.append(name.value, text.value);
  }
  return { entries: cleaned, errors };
}

/** Whether the gate refused anything. */
export const refusedAny = (errors: Record<string, string[]>) => Object.keys(errors).length > 0;

/**
 * `parseWithZod` behind the gate: the schema reads the cleaned form; a refused field makes the
 * submission an error whose messages are the schema's plus the gate's (the gate's win on a field
 * both speak of), so a form cannot succeed with a field the gate refused.
 */
export function parseForm<Schema extends $ZodType>(
  formData: FormData | URLSearchParams,
  options: { schema: Schema | ((intent: Intent | null) => Schema) },
): Submission<input<Schema>, string[], output<Schema>> {
  const { entries, errors } = gateEntries(formData);
  let submission: Submission<input<Schema>, string[], output<Schema>>;
  try {
    submission = parseWithZod(entries, options);
  } catch {
    // why: Conform throws on a list button it cannot read — `__intent__` or `__state__` not its
    // JSON, or an intent for a field that is no list. Our pages never send one; it is refused.
    for (const name of CONFORM_FIELDS) entries.delete(name);
    return parse<output<Schema>, string[]>(entries, { resolve: () => ({ error: { "": [UNKNOWN_BUTTON] } }) }) as Submission<input<Schema>, string[], output<Schema>>;
  }
  const schemaErrors = "error" in submission && submission.error ? submission.error : {};
  const unknownButton = Object.entries(schemaErrors).filter(([, messages]) => messages?.includes(UNKNOWN_BUTTON));
  if (!refusedAny(errors) && !unknownButton.length) return submission;
  const error = { ...schemaErrors, ...errors };
  for (const [name] of unknownButton) delete error[name];
  if (unknownButton.length) error[""] = [UNKNOWN_BUTTON];
  // why: a resolve that gives no value always yields an error submission, never a success.
  return parse<output<Schema>, string[]>(entries, { resolve: () => ({ error }) }) as Submission<input<Schema>, string[], output<Schema>>;
}

/**
 * The entry of `map` a query parameter names, or null: only the map's own keys count, so
 * `?notice=__proto__` or `?error=constructor` names nothing.
 */
export function entryFor<T>(map: Readonly<Record<string, T>>, key: string | null): T | null {
  return key !== null && Object.hasOwn(map, key) ? map[key]! : null;
}
