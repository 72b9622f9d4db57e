import { FLAG_OPT_POST_OK, FLAG_STEM_OK, groupAllowed, OPT_POST, PACK, STEM_OPT, type Compiled, type SlotGroup } from "./compile";
import { eligibleFast, loadStudent, makeScratch, scoreFast, unloadStudent } from "./fast";


export type Ranked = { index: number; score: number };

// A bounded "best k" list: higher score first, ties by id (the compiled order rank). Kept in
// parallel arrays and reusable (reset), so ranking many students allocates almost nothing.
export class TopK {
  index: Int32Array;
  score: Int32Array;
  size = 0;
  constructor(
    private k: number,
    private readonly order: Int32Array,
  ) {
    this.index = new Int32Array(k);
    this.score = new Int32Array(k);
  }
  reset(k: number) {
    if (k > this.index.length) {
      this.index = new Int32Array(k);
      this.score = new Int32Array(k);
    }
    this.k = k;
    this.size = 0;
  }
  capacity() {
    return this.k;
  }
  /** The lowest score that can still enter the list (-1 while it has room). */
  floor() {
    return this.size < this.k ? -1 : this.score[this.k - 1]!;
  }
  private better(i: number, score: number, j: number) {
    return score > this.score[j]! || (score === this.score[j] && this.order[i]! < this.order[this.index[j]!]!);
  }
  push(i: number, score: number) {
    const k = this.k;
    if (k === 0 || (this.size === k && !this.better(i, score, k - 1))) return;
    let at = this.size < k ? this.size++ : k - 1;
    while (at > 0 && this.better(i, score, at - 1)) {
      this.index[at] = this.index[at - 1]!;
      this.score[at] = this.score[at - 1]!;
      at--;
    }
    this.index[at] = i;
    this.score[at] = score;
  }
  items(): Ranked[] {
    return Array.from({ length: this.size }, (_, j) => ({ index: this.index[j]!, score: this.score[j]! }));
  }
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
  const top = new TopK(k, c.slotOrder);
  fillTopSlots(c, s, top, scratch, exclude);
  return top.items();
}

/** topSlotsForStudent into a reusable TopK (reset to the wanted length by the caller). */
export function fillTopSlots(c: Compiled, s: number, top: TopK, scratch: Uint8Array, exclude?: Set<number>) {
  loadStudent(c, s, scratch);
  // eligibleFast, unrolled over the packed slot fields with the student's values in locals
  // (eligibleFast stays the reference; group filters cover compensation, mode and country).
  const status = c.sStatus[s]!;
  const statusBit = 1 << status;
  const needs = status === STEM_OPT ? FLAG_STEM_OK : status === OPT_POST ? FLAG_OPT_POST_OK : 0;
  const from = c.sFrom[s]!;
  const until = c.sEnd[s]!;
  const hours = c.sHours[s]!;
  const packed = c.packed;
  const slotHours = c.tHours;
  const visit = (groups: SlotGroup[]) => {
    for (let g = 0; g < groups.length; g++) {
      const group = groups[g]!;
      if (!groupAllowed(c, s, group)) continue;
      for (let t = group.from, p = t * PACK; t < group.to; t++, p += PACK) {
        const flags = packed[p]!;
        if (!(flags & statusBit) || (needs && !(flags & needs))) continue;
        if (packed[p + 1]! < from || packed[p + 2]! > until || slotHours[t]! > hours) continue;
        if (exclude?.has(t)) continue;
        const score = scoreFast(c, s, t, scratch, top.floor());
        if (score >= 0) top.push(t, score);
      }
    }
  };
  visit(c.openSlots);
  for (let j = c.sSkillStart[s]!; j < c.sSkillStart[s + 1]!; j++) {
    // Skills no slot mentions have ids past the slots' buckets.
    const bucket = c.slotBuckets[c.sSkillIds[j]!];
    if (bucket) visit(bucket);
  }
  if (top.size < Math.min(top.capacity(), WIDEN_BELOW)) {
    // Too few from the index: the rest of the slots too (scratch holds only the student's
    // skills, so a bucket with a zero there was not visited above).
    for (let b = 0; b < c.slotBuckets.length; b++) if (!scratch[b]) visit(c.slotBuckets[b]!);
  }
  unloadStudent(c, s, scratch);
}

/**
 * The slot's best `k` eligible students, best first: the candidates are the students who
 * have the slot's rarest required skill (every student when it requires none) — the same
 * pairs the other direction considers.
 */
export function topStudentsForSlot(c: Compiled, t: number, k: number, bySkill: number[][], scratch = makeScratch(c)): Ranked[] {
  const top = new TopK(k, c.studentOrder);
  const rarest = c.tBucket[t]!;
  const consider = (s: number) => {
    if (!eligibleFast(c, s, t)) return;
    loadStudent(c, s, scratch);
    top.push(s, scoreFast(c, s, t, scratch));
    unloadStudent(c, s, scratch);
  };
  if (rarest === -1) {
    for (let s = 0; s < c.S; s++) consider(s);
    return top.items();
  }
  for (const s of bySkill[rarest]!) consider(s);
  return top.items();
}
