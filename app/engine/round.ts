import { compileInstance, type Compiled, type RankingTables } from "./compile";
import { eligibleFast, loadStudent, makeScratch, scoreFast, unloadStudent } from "./fast";
import { deferredAcceptance } from "./assign";
import { checkEligibility } from "./eligibility";
import { fillTopSlots, Ranking } from "./rank";
import type { AuthorizationExplanation } from "./explanations";
import { scorePair, topComponents } from "./score";
import type { MatchInstance, ScoreComponent } from "./types";

export const DEFAULT_LIST_LENGTH = 50;

/** An assignment with its three strongest score components and the steps to confirm, as codes. */
export type RoundAssignment = { studentId: string; slotId: string; score: number; reasons: ScoreComponent[]; warnings: AuthorizationExplanation[] };

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

// Slot-side keys: a mentor's explicit ranking above every score; then score, then id.
const ORDER_SPAN = 2 ** 31;
const EXPLICIT = 2 ** 45;

/**
 * The lists a round uses, packed: student s's list is entries `start[s]` to `start[s + 1]` − 1
 * of `slots` (best first), with the pair's score in `scores` and how much the slot wants the
 * student in `keys` (higher is better).
 */
export type Preferences = { start: Int32Array; slots: Int32Array; scores: Int16Array; keys: Float64Array };

/** Student s's list, best first. */
export function listOf(prefs: Preferences, s: number) {
  return prefs.slots.subarray(prefs.start[s]!, prefs.start[s + 1]!);
}

/** Each student's own ranking, eligible slots only, packed as Preferences lists are. */
export type ExplicitRankings = { start: Int32Array; slots: Int32Array };

export function explicitRankings(c: Compiled): ExplicitRankings {
  const start = new Int32Array(c.S + 1);
  const slots: number[] = [];
  for (let s = 0; s < c.S; s++) {
    start[s] = slots.length;
    for (const id of c.instance.students[s]!.ranking ?? []) {
      const t = c.slotIndex.get(id);
      if (t !== undefined && !slots.includes(t, start[s]) && eligibleFast(c, s, t)) slots.push(t);
    }
  }
  start[c.S] = slots.length;
  return { start, slots: Int32Array.from(slots) };
}

/** Students `from` to `to` − 1's lists, packed (start relative to `from`), with scores. */
export type RankedRange = { start: Int32Array; slots: Int32Array; scores: Int16Array };

/**
 * The lists of students `from` to `to` − 1: their own ranking first, then the best-scoring
 * eligible slots up to `listLength` entries. Reads only the ranking tables, so a worker
 * thread can run it on a copy of them (threads.ts).
 */
export function rankStudents(c: RankingTables, from: number, to: number, listLength: number, explicit: ExplicitRankings): RankedRange {
  const scratch = makeScratch(c);
  const top = new Ranking();
  const start = new Int32Array(to - from + 1);
  let slots = new Int32Array(Math.max(16, (to - from) * Math.min(listLength, 64)));
  let scores = new Int16Array(slots.length);
  let size = 0;
  for (let s = from; s < to; s++) {
    start[s - from] = size;
    const own = explicit.slots.subarray(explicit.start[s]!, explicit.start[s + 1]!);
    fillTopSlots(c, s, Math.max(0, listLength - own.length), top, scratch, own.length ? new Set(own) : undefined);
    const needed = size + own.length + top.size;
    if (needed > slots.length) {
      const grown = Math.max(needed, slots.length * 2);
      const moreSlots = new Int32Array(grown);
      moreSlots.set(slots);
      const moreScores = new Int16Array(grown);
      moreScores.set(scores);
      [slots, scores] = [moreSlots, moreScores];
    }
    if (own.length) {
      loadStudent(c, s, scratch);
      for (const t of own) {
        slots[size] = t;
        scores[size++] = scoreFast(c, s, t, scratch);
      }
      unloadStudent(c, s, scratch);
    }
    slots.set(top.index.subarray(0, top.size), size);
    scores.set(top.score.subarray(0, top.size), size);
    size += top.size;
  }
  start[to - from] = size;
  return { start, slots: slots.slice(0, size), scores: scores.slice(0, size) };
}

/**
 * Each student's list: their own ranking (eligible slots, in their order) first, then the
 * best-scoring eligible slots up to `listLength` entries. Each slot ranks the students who
 * list it: its mentor's ranking first, then score, then id.
 */
export function buildPreferences(c: Compiled, listLength: number): Preferences {
  return assemblePreferences(c, [rankStudents(c, 0, c.S, listLength, explicitRankings(c))]);
}

/** The ranges' lists (consecutive, from student 0) as one set of preferences, with the slots' keys. */
export function assemblePreferences(c: Compiled, ranges: RankedRange[]): Preferences {
  const start = new Int32Array(c.S + 1);
  const size = ranges.reduce((n, r) => n + r.slots.length, 0);
  const slots = new Int32Array(size);
  const scores = new Int16Array(size);
  let s = 0;
  let at = 0;
  for (const range of ranges) {
    for (let i = 0; i < range.start.length - 1; i++) start[s++] = at + range.start[i]!;
    slots.set(range.slots, at);
    scores.set(range.scores, at);
    at += range.slots.length;
  }
  start[c.S] = size;

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
  const keys = new Float64Array(size);
  for (let s = 0; s < c.S; s++) {
    const idKey = ORDER_SPAN - 1 - c.studentOrder[s]!;
    for (let e = start[s]!; e < start[s + 1]!; e++) {
      const explicitRank = mentorRank.size ? mentorRank.get(slots[e]!)?.get(s) : undefined;
      keys[e] = explicitRank !== undefined ? EXPLICIT - explicitRank : scores[e]! * ORDER_SPAN + idKey;
    }
  }
  return { start, slots, scores, keys };
}

/**
 * A global matching round: deferred acceptance over the preference lists, then each
 * assignment explained. Deterministic: the same instance gives the same result, byte for byte.
 */
export function runRound(instance: MatchInstance, options: { listLength?: number } = {}): RoundResult {
  const c = compileInstance(instance);
  const prefs = buildPreferences(c, options.listLength ?? DEFAULT_LIST_LENGTH);
  const { assigned, proposals } = deferredAcceptance({ ...prefs, seats: c.tSeats });
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
      reasons: topComponents(pair.components),
      warnings: checkEligibility(students[s]!, slots[t]!).warnings,
    });
    scoreSum += pair.score;
    if (listOf(prefs, s)[0] === t) gotFirstChoice++;
  }

  const studentPrefs: Record<string, string[]> = {};
  const slotEntries: { s: number; key: number }[][] = Array.from({ length: c.T }, () => []);
  for (let s = 0; s < c.S; s++) {
    studentPrefs[students[s]!.id] = Array.from(listOf(prefs, s), (t) => slots[t]!.id);
    for (let e = prefs.start[s]!; e < prefs.start[s + 1]!; e++) slotEntries[prefs.slots[e]!]!.push({ s, key: prefs.keys[e]! });
  }
  // Slots in the order the input gave them (compiled indices follow skill buckets).
  const byInput = Array.from({ length: c.T }, (_, t) => t).sort((a, b) => c.inputPosition[a]! - c.inputPosition[b]!);
  const slotPrefs: Record<string, string[]> = {};
  for (const t of byInput) slotPrefs[slots[t]!.id] = slotEntries[t]!.sort((a, b) => b.key - a.key).map((e) => students[e.s]!.id);

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
