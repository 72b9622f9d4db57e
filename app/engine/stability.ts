import type { MatchInstance } from "./types";

export type BlockingPair = { studentId: string; slotId: string };

/**
 * Pairs that would rather have each other than what the round gave them, judged on the
 * round's own preference lists: the student lists the slot above their assignment (or is
 * unassigned), and the slot has a free seat or ranks the student above someone it holds.
 * A stable round has none.
 */
export function findBlockingPairs(
  instance: MatchInstance,
  result: { assignments: { studentId: string; slotId: string }[]; preferences: { students: Record<string, string[]>; slots: Record<string, string[]> } },
): BlockingPair[] {
  const assignedSlot = new Map(result.assignments.map((a) => [a.studentId, a.slotId]));
  const holders = new Map<string, string[]>();
  for (const a of result.assignments) holders.set(a.slotId, [...(holders.get(a.slotId) ?? []), a.studentId]);
  const seats = new Map(instance.slots.map((t) => [t.id, t.seats]));
  const slotRank = new Map(Object.entries(result.preferences.slots).map(([t, list]) => [t, new Map(list.map((s, i) => [s, i]))]));

  const blocking: BlockingPair[] = [];
  for (const [studentId, list] of Object.entries(result.preferences.students)) {
    const current = assignedSlot.get(studentId);
    for (const slotId of list) {
      if (slotId === current) break;
      const held = holders.get(slotId) ?? [];
      const ranks = slotRank.get(slotId)!;
      const mine = ranks.get(studentId)!;
      if (held.length < seats.get(slotId)! || held.some((other) => ranks.get(other)! > mine)) {
        blocking.push({ studentId, slotId });
      }
    }
  }
  return blocking;
}
