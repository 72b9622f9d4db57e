/**
 * The score's weights, in one place. A pair's score is the sum over components of
 * weight × (how well that component is met, 0–1), so the maximum is 100.
 *
 * - required_skills (40): the skills the slot needs, each credited up to the level asked
 *   (a student one level short gets half credit for that skill, two short a quarter).
 * - nice_skills (15): the nice-to-have skills the student has at the level asked.
 * - goals (15): the student's goals the slot can meet (every slot is mentored).
 * - time_zone (15): for remote slots, the overlap of 9-to-5 working hours between the
 *   student's and the slot's time zones on the start date; in-person slots score full.
 * - dates_and_hours (15): how soon the slot starts after the student is free (waiting
 *   months costs up to half) and how well the slot's hours use the student's.
 */
export const WEIGHTS = {
  required_skills: 40,
  nice_skills: 15,
  goals: 15,
  time_zone: 15,
  dates_and_hours: 15,
} as const;

export type WeightKey = keyof typeof WEIGHTS;
