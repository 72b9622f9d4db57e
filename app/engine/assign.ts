/**
 * Student-proposing deferred acceptance with slot capacities (Gale–Shapley). Each student
 * proposes down their list; a slot holds its best `seats` proposals so far by key (higher is
 * better, all keys distinct per slot) and releases the rest, who propose again. The result is
 * stable with respect to the lists and the same whatever order students start in.
 *
 * The lists come packed: student s's list is entries `start[s]` to `start[s + 1]` − 1 of
 * `slots`, and `keys[e]` is how much slot `slots[e]` wants the student of entry e.
 */
export function deferredAcceptance(input: { start: Int32Array; slots: Int32Array; keys: Float64Array; seats: Int32Array }) {
  const { start, slots, keys, seats } = input;
  const S = start.length - 1;
  const T = seats.length;
  // Each slot's held proposals in its own run of one flat array, with its worst one's place.
  const seatStart = new Int32Array(T + 1);
  for (let t = 0; t < T; t++) seatStart[t + 1] = seatStart[t]! + Math.max(0, seats[t]!);
  const heldStudent = new Int32Array(seatStart[T]!);
  const heldKey = new Float64Array(seatStart[T]!);
  const heldCount = new Int32Array(T);
  const worstAt = new Int32Array(T);
  const next = start.slice(0, S);
  const assigned = new Int32Array(S).fill(-1);
  const free = new Int32Array(S);
  let freeCount = 0;
  for (let s = S - 1; s >= 0; s--) free[freeCount++] = s;
  let proposals = 0;

  const findWorst = (t: number) => {
    let worst = seatStart[t]!;
    for (let j = worst + 1; j < seatStart[t + 1]!; j++) if (heldKey[j]! < heldKey[worst]!) worst = j;
    worstAt[t] = worst;
  };

  while (freeCount > 0) {
    const s = free[--freeCount]!;
    const end = start[s + 1]!;
    let e = next[s]!;
    while (e < end) {
      const t = slots[e]!;
      const key = keys[e]!;
      e++;
      proposals++;
      const base = seatStart[t]!;
      const capacity = seatStart[t + 1]! - base;
      const count = heldCount[t]!;
      if (count < capacity) {
        heldStudent[base + count] = s;
        heldKey[base + count] = key;
        heldCount[t] = count + 1;
        if (count + 1 === capacity) findWorst(t);
        assigned[s] = t;
        break;
      }
      const worst = worstAt[t]!;
      if (capacity === 0 || key <= heldKey[worst]!) continue;
      const evicted = heldStudent[worst]!;
      heldStudent[worst] = s;
      heldKey[worst] = key;
      findWorst(t);
      assigned[s] = t;
      assigned[evicted] = -1;
      free[freeCount++] = evicted;
      break;
    }
    next[s] = e;
  }
  return { assigned, proposals };
}
