import { readFileSync } from "node:fs";
import fc from "fast-check";
import { expect, test } from "vitest";
import { generateInstance } from "./generate";
import { parseInstance } from "./instance";
import { quickInstance } from "./instance-quick";
import { runRound } from "./round";

const example = JSON.parse(readFileSync("docs/examples/instance.json", "utf8"));
const copy = <T>(value: T): T => structuredClone(value);

/** What npm run match does: the quick check's instance, else the schema's answer (and messages). */
function parseInstanceQuickly(input: unknown): ReturnType<typeof parseInstance> {
  const instance = quickInstance(input);
  return instance ? { ok: true, instance } : parseInstance(input);
}

test("a valid instance passes the quick check and reads as the schema reads it", () => {
  for (const instance of [example, generateInstance({ students: 300, slots: 80, seats: 200, seed: 7 })]) {
    const quick = quickInstance(copy(instance));
    expect(quick).not.toBeNull();
    const schema = parseInstance(copy(instance));
    expect(schema.ok).toBe(true);
    if (schema.ok) expect(quick).toEqual(schema.instance);
  }
});

test("absent goals, offers and skills get the schema's defaults", () => {
  const bare = copy(example);
  delete bare.students[0].goals;
  delete bare.slots[0].offers;
  delete bare.slots[0].requiredSkills;
  delete bare.slots[0].niceSkills;
  const quick = quickInstance(copy(bare));
  const schema = parseInstance(copy(bare));
  expect(quick?.students[0]!.goals).toEqual([]);
  expect(quick?.slots[0]!.requiredSkills).toEqual({});
  expect(schema.ok && quick).toEqual(schema.ok && schema.instance);
});

test("fields the schema does not know are left on the records and change nothing in a round", () => {
  const extra = copy(example);
  extra.students[0].nickname = "Sam";
  extra.slots[1].internalCode = 12;
  const quick = quickInstance(copy(extra));
  const schema = parseInstance(copy(extra));
  expect(quick).not.toBeNull();
  expect(schema.ok).toBe(true);
  if (schema.ok && quick) expect(runRound(quick)).toEqual(runRound(schema.instance));
});

// Any value a field might be given, good or bad.
const anyValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.boolean(),
  fc.integer({ min: -5, max: 200 }),
  fc.double({ min: -1, max: 120, noNaN: true }),
  fc.constantFrom("", "US", "us", "USA", "2027-02-30", "2027-06-01", "America/New_York", "Mars/Olympus", "remote", "paid", "any", "us_f1_cpt", "referral", "x".repeat(101)),
  fc.array(fc.constantFrom("remote", "onsite", "referral", "everify_i983", "us_citizen_pr", "", "t1", "s2", 3), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom("typescript", "", "react", "__proto__"), fc.oneof(fc.integer({ min: 0, max: 5 }), fc.constant(2.5), fc.constant("3")), { maxKeys: 3 }),
);
const studentFields = Object.keys(example.students[0]).concat(["authorizationValidFrom", "authorizationValidUntil", "programEndDate", "cptFullTimeMonthsUsed", "termHoursPerWeek", "city"]);
const slotFields = Object.keys(example.slots[0]).concat(["paperwork", "requiredPlacement"]);

test("whatever a record holds, the quick path answers exactly as the schema does (problems included)", () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.record({
          kind: fc.constantFrom("students", "slots"),
          index: fc.nat({ max: 2 }),
          field: fc.nat({ max: 40 }),
          value: anyValue,
        }),
        { minLength: 1, maxLength: 3 },
      ),
      (changes) => {
        const input = copy(example);
        for (const { kind, index, field, value } of changes) {
          const fields = kind === "students" ? studentFields : slotFields;
          const record = input[kind][index % input[kind].length];
          const name = fields[field % fields.length]!;
          if (value === undefined) delete record[name];
          else record[name] = value;
        }
        expect(parseInstanceQuickly(copy(input))).toEqual(parseInstance(copy(input)));
      },
    ),
    { numRuns: 2000 },
  );
});

test("duplicate ids and authorization dates out of order are left to the schema's messages", () => {
  const bad = copy(example);
  bad.slots[2].id = bad.slots[0].id;
  bad.students[0].authorizationValidFrom = "2027-09-01";
  bad.students[0].authorizationValidUntil = "2027-01-01";
  expect(quickInstance(copy(bad))).toBeNull();
  const answer = parseInstanceQuickly(copy(bad));
  expect(answer).toEqual(parseInstance(copy(bad)));
  expect(answer.ok).toBe(false);
});
