import { compileInstance, type Compiled } from "./compile";
import { eligibleFast, loadStudent, makeScratch, scoreFast, unloadStudent } from "./fast";
import { deferredAcceptance } from "./assign";
import { checkEligibility } from "./eligibility";
import { fillTopSlots, TopK } from "./rank";
import { scorePair, topReasons } from "./score";
import type { MatchInstance } from "./types";

export const DEFAULT_LIST_LENGTH = 50;

export type RoundAssignment = { studentId: string; slotId: string; score: number; reasons: string[]; warnings: string[] };

export type RoundResult = {
  assignments: RoundAssignment[];
  unassigned: string[];
  /** The exact lists the round used: eligible entries only, best first. */
  preferences: { students: Record<string, string[]>; slots: Record<string, string[]> };
  stats: {
    students: number;
    slots: number;
    seats: number;
    assigned: number;
    unassigned: number;
    seatsLeft: number;
    proposals: number;
    averageScore: number;
    gotFirstChoice: number;
  };
};

const EXPLICIT = 2_000_000_000;
const ORDER_SPAN = 1 << 22;

export type Preferences = ReturnType<typeof buildPreferences>;

/**
 * Each student's list: their own ranking (eligible slots, in their order) first, then the
 * best-scoring eligible slots up to `listLength` entries. Each slot ranks the students who
 * list it: its mentor's ranking first, then score, then id.
 */
export function buildPreferences(c: Compiled, listLength: number) {
  const scratch = makeScratch(c);
  const top = new TopK(listLength, c.slotOrder);
  const lists: Int32Array[] = new Array(c.S);
  const scores: Int16Array[] = new Array(c.S);
  for (let s = 0; s < c.S; s++) {
    const explicit: number[] = [];
    for (const id of c.instance.students[s]!.ranking ?? []) {
      const t = c.slotIndex.get(id);
      if (t !== undefined && !explicit.includes(t) && eligibleFast(c, s, t)) explicit.push(t);
    }
    top.reset(Math.max(0, listLength - explicit.length));
    fillTopSlots(c, s, top, scratch, explicit.length ? new Set(explicit) : undefined);
    const list = new Int32Array(explicit.length + top.size);
    const listScores = new Int16Array(explicit.length + top.size);
    if (explicit.length) {
      loadStudent(c, s, scratch);
      explicit.forEach((t, i) => ((list[i] = t), (listScores[i] = scoreFast(c, s, t, scratch))));
      unloadStudent(c, s, scratch);
    }
    list.set(top.index.subarray(0, top.size), explicit.length);
    listScores.set(top.score.subarray(0, top.size), explicit.length);
    lists[s] = list;
    scores[s] = listScores;
  }
  const mentorRank = new Map<number, Map<number, number>>();
  c.instance.slots.forEach((slot, t) => {
    if (!slot.ranking?.length) return;
    const ranks = new Map<number, number>();
    for (const id of slot.ranking) {
      const s = c.studentIndex.get(id);
      if (s !== undefined && !ranks.has(s)) ranks.set(s, ranks.size);
    }
    mentorRank.set(t, ranks);
  });
  const slotKey = (t: number, s: number, i: number) => {
    const explicit = mentorRank.get(t)?.get(s);
    if (explicit !== undefined) return EXPLICIT - explicit;
    return scores[s]![i]! * ORDER_SPAN + (ORDER_SPAN - 1 - c.studentOrder[s]!);
  };
  return { lists, scores, slotKey };
}

/**
 * A global matching round: deferred acceptance over the preference lists, then each
 * assignment explained. Deterministic: the same instance gives the same result, byte for byte.
 */
export function runRound(instance: MatchInstance, options: { listLength?: number } = {}): RoundResult {
  const c = compileInstance(instance);
  const prefs = buildPreferences(c, options.listLength ?? DEFAULT_LIST_LENGTH);
  const { assigned, proposals } = deferredAcceptance({ lists: prefs.lists, seats: c.tSeats, slotKey: prefs.slotKey });
  return describeRound(c, prefs, assigned, proposals);
}

export function describeRound(c: Compiled, prefs: Preferences, assigned: Int32Array, proposals: number): RoundResult {
  const { students, slots } = c.instance;
  const assignments: RoundAssignment[] = [];
  const unassigned: string[] = [];
  let scoreSum = 0;
  let gotFirstChoice = 0;
  for (let s = 0; s < c.S; s++) {
    const t = assigned[s]!;
    if (t < 0) {
      unassigned.push(students[s]!.id);
      continue;
    }
    const pair = scorePair(students[s]!, slots[t]!);
    assignments.push({
      studentId: students[s]!.id,
      slotId: slots[t]!.id,
      score: pair.score,
      reasons: topReasons(pair),
      warnings: checkEligibility(students[s]!, slots[t]!).warnings,
    });
    scoreSum += pair.score;
    if (prefs.lists[s]![0] === t) gotFirstChoice++;
  }

  const studentPrefs: Record<string, string[]> = {};
  const slotEntries: { s: number; key: number }[][] = Array.from({ length: c.T }, () => []);
  for (let s = 0; s < c.S; s++) {
    const list = prefs.lists[s]!;
    studentPrefs[students[s]!.id] = Array.from(list, (t) => slots[t]!.id);
    list.forEach((t, i) => slotEntries[t]!.push({ s, key: prefs.slotKey(t, s, i) }));
  }
  const slotPrefs: Record<string, string[]> = {};
  slotEntries.forEach((entries, t) => {
    slotPrefs[slots[t]!.id] = entries.sort((a, b) => b.key - a.key).map((e) => students[e.s]!.id);
  });

  const seats = slots.reduce((sum, t) => sum + t.seats, 0);
  return {
    assignments,
    unassigned,
    preferences: { students: studentPrefs, slots: slotPrefs },
    stats: {
      students: c.S,
      slots: c.T,
      seats,
      assigned: assignments.length,
      unassigned: unassigned.length,
      seatsLeft: seats - assignments.length,
      proposals,
      averageScore: assignments.length ? Math.round((scoreSum / assignments.length) * 10) / 10 : 0,
      gotFirstChoice,
    },
  };
}
