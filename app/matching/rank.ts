import { groupAllowed, type Compiled, type SlotGroup } from "./compile";
import { eligibleFast, loadStudent, makeScratch, scoreFast, unloadStudent } from "./fast";

export type Ranked = { index: number; score: number };

// A bounded "best k" list: higher score first, ties by id (the compiled order rank). Kept in
// parallel arrays, so a candidate that does not make the list allocates nothing.
class TopK {
  private readonly index: Int32Array;
  private readonly score: Int32Array;
  size = 0;
  constructor(
    private readonly k: number,
    private readonly order: Int32Array,
  ) {
    this.index = new Int32Array(k);
    this.score = new Int32Array(k);
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
 * The student's best `k` eligible slots, best first. The candidates are the slots whose
 * rarest required skill the student has, and the slots requiring no skill: a slot whose
 * rarest requirement the student lacks is never on their list. So most pairs are never
 * looked at, and the hard filters run before any scoring.
 */
export function topSlotsForStudent(c: Compiled, s: number, k: number, scratch = makeScratch(c), exclude?: Set<number>): Ranked[] {
  const top = new TopK(k, c.slotOrder);
  loadStudent(c, s, scratch);
  const visit = (groups: SlotGroup[]) => {
    for (const group of groups) {
      if (!groupAllowed(c, s, group)) continue;
      const slots = group.slots;
      for (let i = 0; i < slots.length; i++) {
        const t = slots[i]!;
        if (eligibleFast(c, s, t) && !exclude?.has(t)) top.push(t, scoreFast(c, s, t, scratch));
      }
    }
  };
  visit(c.openSlots);
  for (let j = c.sSkillStart[s]!; j < c.sSkillStart[s + 1]!; j++) {
    // Skills no slot mentions have ids past the slots' buckets.
    const bucket = c.slotBuckets[c.sSkillIds[j]!];
    if (bucket) visit(bucket);
  }
  unloadStudent(c, s, scratch);
  return top.items();
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
