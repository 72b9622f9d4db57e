import type { Goal, MatchInstance, MatchSlot, MatchStudent } from "./types";
import { WORK_AUTHORIZATIONS } from "./work-authorization";

// A seeded generator of large, realistic-shaped instances for benchmarks and what-if rounds:
// skewed skill popularity (Zipf), 5–12 skills a student, statuses weighted toward the
// international students the platform serves. Same seed, same instance.

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateInstance(options: { students: number; slots: number; seats: number; skills?: number; seed?: number }): MatchInstance {
  const random = mulberry32(options.seed ?? 42);
  const skillCount = options.skills ?? 250;
  const skills = Array.from({ length: skillCount }, (_, i) => `skill-${i}`);
  // Zipf(1) popularity: skill i is picked with weight 1 / (i + 1).
  const cumulative: number[] = [];
  let total = 0;
  for (let i = 0; i < skillCount; i++) cumulative.push((total += 1 / (i + 1)));
  const pickSkill = () => {
    const x = random() * total;
    let lo = 0;
    let hi = skillCount - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return skills[lo]!;
  };
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const skillSet = (n: number) => {
    const out: Record<string, number> = {};
    for (let guard = 0; Object.keys(out).length < n && guard < n * 20; guard++) out[pickSkill()] = int(1, 4);
    return out;
  };
  const day = (offset: number) => new Date(Date.UTC(2027, 4, 1) + offset * 86_400_000).toISOString().slice(0, 10);
  const zones = { US: ["America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"], CA: ["America/Toronto", "America/Vancouver", "America/Halifax"] } as const;
  const statuses = [...WORK_AUTHORIZATIONS, "us_f1_cpt", "us_f1_cpt", "us_f1_opt_post", "us_f1_opt_post", "ca_study_permit"] as const;
  const goals: Goal[] = ["mentorship", "recommendation_letter", "referral", "return_offer", "portfolio_project"];
  const offers: Goal[] = ["recommendation_letter", "referral", "return_offer", "course_credit", "portfolio_project"];
  const subset = <T>(items: T[], p: number) => items.filter(() => random() < p);

  const students: MatchStudent[] = Array.from({ length: options.students }, (_, i) => {
    const country = random() < 0.7 ? "US" : "CA";
    return {
      id: `s${i}`,
      skills: skillSet(int(5, 12)),
      workAuthorization: pick(statuses),
      country,
      timezone: pick(zones[country]),
      availableFrom: day(int(0, 40)),
      availableWeeks: int(10, 30),
      maxHoursPerWeek: pick([15, 20, 20, 25, 30, 40, 40]),
      compensation: pick(["paid_only", "paid_or_stipend", "any", "any"] as const),
      workModes: random() < 0.5 ? ["remote", "hybrid", "onsite"] : random() < 0.5 ? ["remote"] : ["remote", "hybrid"],
      goals: subset(goals, 0.4),
    };
  });

  // Seats spread over slots: every slot has one, the rest land 1–9 at a time.
  const seatCounts = new Array<number>(options.slots).fill(1);
  for (let left = options.seats - options.slots; left > 0; ) {
    const add = Math.min(left, int(1, 6));
    seatCounts[int(0, options.slots - 1)]! += add;
    left -= add;
  }
  const slots: MatchSlot[] = Array.from({ length: options.slots }, (_, i) => {
    const country = random() < 0.7 ? "US" : "CA";
    const compensation = pick(["paid", "paid", "paid", "stipend", "unpaid", "course_credit"] as const);
    const required = skillSet(int(1, 4));
    const nice = skillSet(int(0, 3));
    for (const slug of Object.keys(required)) delete nice[slug];
    return {
      id: `t${i}`,
      seats: seatCounts[i]!,
      requiredSkills: required,
      niceSkills: nice,
      acceptedWorkAuthorizations: [
        // Every slot accepts at least its own country's citizens and permanent residents.
        ...new Set([country === "US" ? "us_citizen_pr" : "ca_citizen_pr", ...WORK_AUTHORIZATIONS.filter((s) => s !== "not_authorized" && (s.startsWith(country.toLowerCase()) || random() < 0.1) && random() < 0.85)]),
      ] as MatchSlot["acceptedWorkAuthorizations"],
      compensation,
      country,
      workMode: pick(["remote", "remote", "hybrid", "onsite"] as const),
      timezone: pick(zones[country]),
      startDate: day(int(14, 60)),
      weeks: int(8, 16),
      hoursPerWeek: pick([10, 15, 20, 20, 25, 30, 40]),
      offers: subset(offers, 0.35),
      paperwork: subset(["cpt_offer_letter", "everify_i983", "coop_agreement"], 0.5),
    };
  });
  return { students, slots };
}
