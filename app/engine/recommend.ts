import { compileSlots, compileStudents, studentsBySkill, type CompiledSlots } from "./compile";
import { checkEligibility } from "./eligibility";
import { topSlotsForStudent, topStudentsForSlot } from "./rank";
import { scorePair } from "./score";
import type { MatchSlot, MatchStudent } from "./types";

/** The student's best `k` eligible slots among compiled slots (which can be kept and reused). */
export function recommendSlots(slots: CompiledSlots, student: MatchStudent, k: number) {
  const c = compileStudents(slots, [student]);
  return topSlotsForStudent(c, 0, k).map((r) => ({ slotId: slots.slots[r.index]!.id, score: r.score }));
}

/** The slot's best `k` eligible students among `students`. */
export function recommendStudents(slot: MatchSlot, students: MatchStudent[], k: number) {
  const c = compileStudents(compileSlots([slot]), students);
  return topStudentsForSlot(c, 0, k, studentsBySkill(c)).map((r) => ({ studentId: students[r.index]!.id, score: r.score }));
}

/**
 * Everything a page shows about one pair: the score's components and the eligibility, as codes.
 * `applied`: the student applied to the slot (see checkEligibility).
 */
export function explainPair(student: MatchStudent, slot: MatchSlot, options: { applied?: boolean } = {}) {
  const eligibility = checkEligibility(student, slot, options);
  return { ...scorePair(student, slot), ...eligibility };
}
