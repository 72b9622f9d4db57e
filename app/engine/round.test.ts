import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { instanceArb, wideInstanceArb } from "./arbitraries.test-support";
import { compileInstance, compileSlots } from "./compile";
import { topSlotsForStudent, WIDEN_BELOW } from "./rank";
import { recommendSlots, recommendStudents } from "./recommend";
import { checkEligibility } from "./eligibility";
import { eligibleFast, loadStudent, makeScratch, scoreFast, unloadStudent } from "./fast";
import { runRound } from "./round";
import { scorePair } from "./score";
import { findBlockingPairs } from "./stability";
import type { MatchInstance, MatchSlot, MatchStudent } from "./types";

const RUNS = { numRuns: 300 };

describe("the compiled hot path agrees with the readable rules", () => {
  test("eligibility and score, pair by pair", () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const c = compileInstance(instance);
        const scratch = makeScratch(c);
        instance.students.forEach((student, s) => {
          loadStudent(c, s, scratch);
          // Compiled slot indices follow the candidate-bucket order, not the input's.
          c.slots.forEach((slot, t) => {
            expect(eligibleFast(c, s, t)).toBe(checkEligibility(student, slot).eligible);
            expect(scoreFast(c, s, t, scratch)).toBe(scorePair(student, slot).score);
          });
          unloadStudent(c, s, scratch);
        });
      }),
      RUNS,
    );
  });
});

describe("a matching round", () => {
  test("assigns only eligible pairs, never over capacity, with no blocking pair", () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const result = runRound(instance);
        const students = new Map(instance.students.map((s) => [s.id, s]));
        const slots = new Map(instance.slots.map((t) => [t.id, t]));
        for (const a of result.assignments) expect(checkEligibility(students.get(a.studentId)!, slots.get(a.slotId)!).eligible).toBe(true);
        for (const slot of instance.slots) expect(result.assignments.filter((a) => a.slotId === slot.id).length).toBeLessThanOrEqual(slot.seats);
        expect(new Set(result.assignments.map((a) => a.studentId)).size).toBe(result.assignments.length);
        expect(result.assignments.length + result.unassigned.length).toBe(instance.students.length);
        expect(findBlockingPairs(instance, result)).toEqual([]);
      }),
      RUNS,
    );
  });

  test("preference lists hold eligible entries only", () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const result = runRound(instance);
        const students = new Map(instance.students.map((s) => [s.id, s]));
        const slots = new Map(instance.slots.map((t) => [t.id, t]));
        for (const [s, list] of Object.entries(result.preferences.students)) {
          for (const t of list) expect(checkEligibility(students.get(s)!, slots.get(t)!).eligible).toBe(true);
        }
      }),
      RUNS,
    );
  });

  test("is deterministic, and does not depend on the order of the input", () => {
    fc.assert(
      fc.property(instanceArb, fc.integer(), (instance, seed) => {
        const once = JSON.stringify(runRound(instance));
        expect(JSON.stringify(runRound(structuredClone(instance)))).toBe(once);
        const shuffled: MatchInstance = { students: shuffle(instance.students, seed), slots: shuffle(instance.slots, seed + 1) };
        const pairs = (r: ReturnType<typeof runRound>) => r.assignments.map((a) => `${a.studentId}>${a.slotId}`).sort();
        expect(pairs(runRound(shuffled))).toEqual(pairs(runRound(instance)));
      }),
      RUNS,
    );
  });

  test("the output lists every student and slot in the input's order", () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const { preferences } = runRound(instance);
        expect(Object.keys(preferences.students)).toEqual(instance.students.map((s) => s.id));
        expect(Object.keys(preferences.slots)).toEqual(instance.slots.map((t) => t.id));
      }),
      RUNS,
    );
  });

  test("explicit rankings come first, in their order, on both sides", () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const result = runRound(instance);
        const slots = new Map(instance.slots.map((t) => [t.id, t]));
        const students = new Map(instance.students.map((s) => [s.id, s]));
        for (const student of instance.students) {
          const eligibleRanked = [...new Set(student.ranking ?? [])].filter((t) => slots.has(t) && checkEligibility(student, slots.get(t)!).eligible);
          expect(result.preferences.students[student.id]!.slice(0, eligibleRanked.length)).toEqual(eligibleRanked);
        }
        for (const slot of instance.slots) {
          const listedBy = new Set(result.preferences.slots[slot.id]);
          const ranked = [...new Set(slot.ranking ?? [])].filter((s) => students.has(s) && listedBy.has(s));
          expect(result.preferences.slots[slot.id]!.slice(0, ranked.length)).toEqual(ranked);
        }
      }),
      RUNS,
    );
  });
});

function shuffle<T>(items: T[], seed: number) {
  const out = [...items];
  let x = seed | 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = Math.abs(x) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

// A hand-made case a person can check: two students, one seat, the slot's mentor ranked b first.
test("a mentor's ranking decides between two students who both want the only seat", () => {
  const student = (id: string, skills: Record<string, number>): MatchStudent => ({
    id,
    skills,
    workAuthorization: "us_citizen_pr",
    country: "US",
    timezone: "America/New_York",
    availableFrom: "2027-05-01",
    availableWeeks: 20,
    maxHoursPerWeek: 40,
    compensation: "any",
    workModes: ["remote"],
    goals: ["referral"],
  });
  const slot: MatchSlot = {
    id: "t1",
    seats: 1,
    requiredSkills: { typescript: 2 },
    niceSkills: {},
    acceptedWorkAuthorizations: ["us_citizen_pr"],
    compensation: "paid",
    country: "US",
    workMode: "remote",
    timezone: "America/New_York",
    startDate: "2027-06-01",
    weeks: 12,
    hoursPerWeek: 20,
    offers: ["referral"],
  };
  const a = student("a", { typescript: 4 });
  const b = student("b", { typescript: 2 });
  expect(runRound({ students: [a, b], slots: [slot] }).assignments.map((x) => x.studentId)).toEqual(["a"]);
  const ranked = runRound({ students: [a, b], slots: [{ ...slot, ranking: ["b"] }] });
  expect(ranked.assignments.map((x) => x.studentId)).toEqual(["b"]);
  expect(ranked.unassigned).toEqual(["a"]);
  // The strongest reason first, as a code with its params (the catalogue words it).
  expect(ranked.assignments[0]!.reasons[0]!.reason).toEqual({ code: "required_skills", params: { total: 1, covered: ["typescript"], below: [], missing: [] } });
});

describe("rankings both ways", () => {
  test("one student ranked against kept, compiled slots gets what a whole-instance compile gives", () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        const whole = compileInstance(instance);
        const kept = compileSlots(instance.slots);
        instance.students.forEach((student, s) => {
          const alone = recommendSlots(kept, student, 5);
          expect(alone).toEqual(topSlotsForStudent(whole, s, 5).map((r) => ({ slotId: whole.slots[r.index]!.id, score: r.score })));
        });
      }),
      RUNS,
    );
  });

  test("students who fit a slot are eligible, best first, ties by id", () => {
    fc.assert(
      fc.property(instanceArb, (instance) => {
        for (const slot of instance.slots) {
          const ranked = recommendStudents(slot, instance.students, 4);
          const byId = new Map(instance.students.map((s) => [s.id, s]));
          for (const r of ranked) {
            expect(checkEligibility(byId.get(r.studentId)!, slot).eligible).toBe(true);
            expect(r.score).toBe(scorePair(byId.get(r.studentId)!, slot).score);
          }
          for (let i = 1; i < ranked.length; i++) {
            const [a, b] = [ranked[i - 1]!, ranked[i]!];
            expect(a.score > b.score || (a.score === b.score && a.studentId < b.studentId)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

test.each([
  ["small instances", instanceArb, RUNS],
  ["many slots with widely spread dates and hours", wideInstanceArb, { numRuns: 60 }],
])("a student's list is exactly the best eligible candidates, by the readable rules (%s)", (_, instances, runs) => {
  // The oracle: every slot whose rarest required skill the student has (or that requires
  // none) — or, when those give fewer than k, every slot — kept when checkEligibility allows
  // it, ordered by scorePair then id.
  fc.assert(
    fc.property(instances, fc.integer({ min: 1, max: 14 }), (instance, k) => {
      const requiredBy = new Map<string, number>();
      for (const t of instance.slots) for (const slug of Object.keys(t.requiredSkills)) requiredBy.set(slug, (requiredBy.get(slug) ?? 0) + 1);
      const rarest = (t: MatchSlot) =>
        Object.keys(t.requiredSkills).sort((a, b) => requiredBy.get(a)! - requiredBy.get(b)! || (a < b ? -1 : a > b ? 1 : 0))[0];
      const kept = compileSlots(instance.slots);
      const best = (list: MatchSlot[], student: MatchStudent) =>
        list
          .filter((t) => checkEligibility(student, t).eligible)
          .map((t) => ({ slotId: t.id, score: scorePair(student, t).score }))
          .sort((a, b) => b.score - a.score || (a.slotId < b.slotId ? -1 : 1));
      for (const student of instance.students) {
        const indexed = best(
          instance.slots.filter((t) => {
            const r = rarest(t);
            return r === undefined || student.skills[r] !== undefined;
          }),
          student,
        );
        // Fewer than WIDEN_BELOW (or k) from the index: every eligible slot competes.
        const expected = (indexed.length >= Math.min(k, WIDEN_BELOW) ? indexed : best(instance.slots, student)).slice(0, k);
        expect(recommendSlots(kept, student, k)).toEqual(expected);
      }
    }),
    runs,
  );
});
