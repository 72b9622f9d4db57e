import { PACK, thresholdSet, type Compiled, type RankingTables } from "./compile";
import { eligibleFast, loadStudent, makeScratch, scoreFast, scoreSlots, unloadStudent } from "./fast";

export type Ranked = { index: number; score: number };

/** Scores are whole points from 0 to 100. */
const MAX_SCORE = 100;

/** A ranked list, best first: entries 0 to size − 1 of index (candidate) and score. Reusable. */
export class Ranking {
  index = new Int32Array(64);
  score = new Int32Array(64);
  size = 0;
  items(): Ranked[] {
    return Array.from({ length: this.size }, (_, j) => ({ index: this.index[j]!, score: this.score[j]! }));
  }
}

// Scratch space for selectBest.
const runStart = new Int32Array(MAX_SCORE + 1);
const runNext = new Int32Array(MAX_SCORE + 1);
let kept = new Int32Array(1024);

/**
 * The best `k` of candidates `ids[0..n)` with `scores` (whole points) into `into`: higher
 * score first, ties by id (`order`, the rank of each candidate's id). Scores are few, so this
 * counts candidates per score, finds the k-th best score, and places the candidates at or
 * above it by counting; only candidates with equal scores are compared, by id.
 */
export function selectBest(ids: Int32Array, scores: Int32Array, n: number, k: number, order: Int32Array, into: Ranking) {
  const size = Math.min(n, k);
  into.size = size;
  if (size === 0) return into;
  if (into.index.length < size) {
    into.index = new Int32Array(size);
    into.score = new Int32Array(size);
  }
  runStart.fill(0);
  for (let i = 0; i < n; i++) runStart[scores[i]!]!++;
  // The lowest score that makes the list, and where each score's run starts, best first.
  let lowest = MAX_SCORE;
  let placed = 0;
  for (let score = MAX_SCORE; score >= 0; score--) {
    const count = runStart[score]!;
    runStart[score] = runNext[score] = placed;
    placed += count;
    lowest = score;
    if (placed >= size) break;
  }
  if (kept.length < placed) kept = new Int32Array(Math.max(placed, kept.length * 2));
  for (let i = 0; i < n; i++) {
    const score = scores[i]!;
    if (score >= lowest) kept[runNext[score]!++] = ids[i]!;
  }
  for (let score = MAX_SCORE; score >= lowest; score--) {
    const from = runStart[score]!;
    const to = runNext[score]!;
    if (to - from > 16) kept.subarray(from, to).sort((a, b) => order[a]! - order[b]!);
    else {
      for (let j = from + 1; j < to; j++) {
        const item = kept[j]!;
        let at = j;
        while (at > from && order[kept[at - 1]!]! > order[item]!) kept[at] = kept[--at]!;
        kept[at] = item;
      }
    }
    for (let j = from; j < to && j < size; j++) {
      into.index[j] = kept[j]!;
      into.score[j] = score;
    }
  }
  return into;
}

/**
 * When the skill index gives a student fewer eligible slots than this (or than k, if k is
 * smaller), every slot is considered: a short list is where a missed slot costs most, and
 * on a large marketplace few students are that short.
 */
export const WIDEN_BELOW = 10;

/**
 * The student's best `k` eligible slots, best first. The candidates are the slots whose
 * rarest required skill the student has, and the slots requiring no skill; only when they
 * give fewer than WIDEN_BELOW eligible slots are the others looked at too. So most pairs
 * are never looked at, and the hard filters run before any scoring.
 */
export function topSlotsForStudent(c: Compiled, s: number, k: number, scratch = makeScratch(c), exclude?: Set<number>): Ranked[] {
  return fillTopSlots(c, s, k, new Ranking(), scratch, exclude).items();
}

/**
 * The slots whose work authorization, compensation, work mode and country student `s` meets,
 * as a bitset (bit t of word t >> 5). Students of the same kind share one, built the first
 * time it is asked for and kept with the compiled slots.
 */
export function hardFilterSet(c: RankingTables, s: number) {
  const status = c.sStatus[s]!;
  const comp = c.sComp[s]!;
  const modes = c.sModes[s]!;
  const country = c.sCountry[s]!;
  const key = ((country * 8 + modes) * 16 + comp) * 16 + status;
  let bits = c.hardFilterSets.get(key);
  if (!bits) {
    // meetsHardFilters (fast.ts), a word of slots at a time: the status's set, any of the
    // student's compensations and work modes, and remote or in the student's country.
    const sets = c.filterSets;
    const byStatus = sets.status[status]!;
    const comps = sets.comp.filter((_, i) => comp & (1 << i));
    const modeSets = sets.mode.filter((_, i) => modes & (1 << i));
    const remote = sets.mode[0]!;
    const local = sets.country[country];
    bits = new Int32Array(c.W);
    for (let w = 0; w < c.W; w++) {
      let anyComp = 0;
      for (const set of comps) anyComp |= set[w]!;
      let anyMode = 0;
      for (const set of modeSets) anyMode |= set[w]!;
      bits[w] = byStatus[w]! & anyComp & anyMode & (remote[w]! | (local ? local[w]! : 0));
    }
    c.hardFilterSets.set(key, bits);
  }
  return bits;
}

/** topSlotsForStudent into a reusable Ranking. */
export function fillTopSlots(c: RankingTables, s: number, k: number, into: Ranking, scratch: Uint8Array, exclude?: Set<number>) {
  into.size = 0;
  if (c.T === 0 || k === 0) return into;
  loadStudent(c, s, scratch);
  // The hard filters as the AND of four bitsets: the student's kind, and thresholds for the
  // start date, end date and hours. Where a filter has too many distinct values for exact
  // sets, its set may hold a few slots beyond the student's bounds, so each slot let through
  // gets the exact check (eligibleFast's date and hours rules, on the packed fields).
  const check = !(c.startsFrom.exact && c.endsBy.exact && c.hoursUpTo.exact);
  const kind = hardFilterSet(c, s);
  const W = c.W;
  const starts = c.startsFrom.bits;
  const startAt = thresholdSet(c.startsFrom, W, c.sFrom[s]!);
  const ends = c.endsBy.bits;
  const endAt = thresholdSet(c.endsBy, W, c.sEnd[s]!);
  const hoursSets = c.hoursUpTo.bits;
  const hoursAt = thresholdSet(c.hoursUpTo, W, c.sHours[s]!);
  // Slots that run in term are held to the student's term-time hours as well.
  const inTermBits = c.inTermBits;
  const termHoursAt = thresholdSet(c.hoursUpTo, W, c.sTermHours[s]!);
  const termHours = c.sTermHours[s]!;
  const slotInTerm = c.tInTerm;
  const from = c.sFrom[s]!;
  const until = c.sEnd[s]!;
  const hours = c.sHours[s]!;
  const packed = c.packed;
  const slotHours = c.tHours;
  let n = 0;
  /** Slots `lo` to `hi` − 1 through the filters, onto the candidates. */
  const visit = (lo: number, hi: number) => {
    if (lo >= hi) return;
    const lastWord = (hi - 1) >>> 5;
    for (let w = lo >>> 5; w <= lastWord; w++) {
      let bits = kind[w]! & starts[startAt + w]! & ends[endAt + w]! & hoursSets[hoursAt + w]! & (~inTermBits[w]! | hoursSets[termHoursAt + w]!);
      if (w === lo >>> 5) bits &= -1 << (lo & 31);
      if (w === lastWord && (hi & 31) !== 0) bits &= (1 << (hi & 31)) - 1;
      while (bits !== 0) {
        const low = bits & -bits;
        bits ^= low;
        const t = (w << 5) | (31 - Math.clz32(low));
        const p = t * PACK;
        if (check && (packed[p]! < from || packed[p + 1]! > until || slotHours[t]! > (slotInTerm[t] ? termHours : hours))) continue;
        if (exclude?.has(t)) continue;
        if (n === candidates.length) growCandidates();
        candidates[n++] = t;
      }
    }
  };
  visit(0, c.openTo);
  for (let j = c.sSkillStart[s]!; j < c.sSkillStart[s + 1]!; j++) {
    // Skills no slot mentions have ids past the slots' buckets.
    const b = c.sSkillIds[j]!;
    if (b < c.bucketTo.length) visit(c.bucketFrom[b]!, c.bucketTo[b]!);
  }
  if (n < Math.min(k, WIDEN_BELOW)) {
    // Too few from the index: the rest of the slots too (scratch holds only the student's
    // skills, so a bucket with a zero there was not visited above).
    for (let b = 0; b < c.bucketTo.length; b++) if (!scratch[b]) visit(c.bucketFrom[b]!, c.bucketTo[b]!);
  }
  scoreSlots(c, s, scratch, candidates, n, candidateScores);
  unloadStudent(c, s, scratch);
  return selectBest(candidates, candidateScores, n, k, c.slotOrder, into);
}

// Candidate slots of the student being ranked, and their scores (reused, grown as needed).
let candidates = new Int32Array(1024);
let candidateScores = new Int32Array(1024);
function growCandidates() {
  const more = new Int32Array(candidates.length * 2);
  more.set(candidates);
  candidates = more;
  candidateScores = new Int32Array(more.length);
}

/**
 * The slot's best `k` eligible students, best first: the candidates are the students who
 * have the slot's rarest required skill (every student when it requires none) — the same
 * pairs the other direction considers.
 */
export function topStudentsForSlot(c: Compiled, t: number, k: number, bySkill: number[][], scratch = makeScratch(c)): Ranked[] {
  const rarest = c.tBucket[t]!;
  const students: number[] = [];
  const scores: number[] = [];
  const consider = (s: number) => {
    if (!eligibleFast(c, s, t)) return;
    loadStudent(c, s, scratch);
    students.push(s);
    scores.push(scoreFast(c, s, t, scratch));
    unloadStudent(c, s, scratch);
  };
  if (rarest === -1) for (let s = 0; s < c.S; s++) consider(s);
  else for (const s of bySkill[rarest]!) consider(s);
  return selectBest(Int32Array.from(students), Int32Array.from(scores), students.length, k, c.studentOrder, new Ranking()).items();
}
