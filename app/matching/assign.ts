/**
 * Student-proposing deferred acceptance with slot capacities (Gale–Shapley). Each student
 * proposes down their list; a slot holds its best `seats` proposals so far by `slotKey`
 * (higher is better, all keys distinct per slot) and releases the rest, who propose again.
 * The result is stable with respect to the lists and the same whatever order students start in.
 */
export function deferredAcceptance(input: {
  /** For each student, slot indices best first. */
  lists: Int32Array[];
  seats: Int32Array;
  /** How much slot `t` wants student `s` (the list position `i` of t in s's list is given too). */
  slotKey: (t: number, s: number, i: number) => number;
}) {
  const { lists, seats, slotKey } = input;
  const S = lists.length;
  const holds: number[][] = Array.from({ length: seats.length }, () => []);
  const heldKey: number[][] = Array.from({ length: seats.length }, () => []);
  const next = new Int32Array(S);
  const assigned = new Int32Array(S).fill(-1);
  const free: number[] = [];
  for (let s = S - 1; s >= 0; s--) free.push(s);
  let proposals = 0;

  while (free.length > 0) {
    const s = free.pop()!;
    const list = lists[s]!;
    while (next[s]! < list.length) {
      const i = next[s]!++;
      const t = list[i]!;
      proposals++;
      const key = slotKey(t, s, i);
      const held = holds[t]!;
      const keys = heldKey[t]!;
      if (held.length < seats[t]!) {
        held.push(s);
        keys.push(key);
        assigned[s] = t;
        break;
      }
      let worst = 0;
      for (let j = 1; j < keys.length; j++) if (keys[j]! < keys[worst]!) worst = j;
      if (keys.length === 0 || key <= keys[worst]!) continue;
      const evicted = held[worst]!;
      held[worst] = s;
      keys[worst] = key;
      assigned[s] = t;
      assigned[evicted] = -1;
      free.push(evicted);
      break;
    }
  }
  return { assigned, proposals };
}
