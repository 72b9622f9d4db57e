import type { MatchReason } from "~db/schema";
import { topReasons } from "~/matching/score";
import type { ScoreComponent } from "~/matching/types";
import { AUTHORIZATION_INFO, authorizationFit, type WorkAuthorizationStatus } from "~/matching/work-authorization";

// How a match reads to people: its reasons, and the paperwork steps. Pure; safe in the browser.

/** A stored component; round proposals keep the engine's `neutral` flag, older rows may not. */
export type StoredReason = MatchReason & { neutral?: boolean };

/** The strongest reasons, as the engine orders them (components that weighed something real first). */
export function topReasonsOf(reasons: StoredReason[], count = 3) {
  return topReasons({ score: 0, components: reasons as ScoreComponent[] }, count);
}

/**
 * An engine sentence (written to the student: "you", "your") about the student by name, for
 * pages and emails that others read: "Starts soon after Amara is free; 20 of Amara's 40 hours a week."
 */
export function aboutStudent(sentence: string, name: string) {
  return sentence
    .replace(/\byou are\b/g, `${name} is`)
    .replace(/\byou have\b/g, `${name} has`)
    .replace(/\byou work\b/g, `${name} works`)
    .replace(/\byou apply\b/g, `${name} applies`)
    .replace(/\byou start\b/g, `${name} starts`)
    .replace(/\bYou asked\b/g, `${name} asked`)
    .replace(/\b[Yy]our\b/g, `${name}'s`)
    .replace(/\b[Yy]ou\b/g, name);
}

// Statuses that need nothing before a start date.
const NO_STEPS: readonly WorkAuthorizationStatus[] = ["us_citizen_pr", "ca_citizen_pr"];

/**
 * What the student must do for their work authorization before the first day, addressed to them:
 * the status's own step, then the pair's warnings that add to it (hour caps, paperwork, dates).
 * Steps only — the status itself is never named here, so mentors may read them.
 */
export function paperworkSteps(status: WorkAuthorizationStatus | null, warnings: string[]) {
  // After the introduction there is nothing left to apply to: the question goes to the mentors.
  const afterIntroduction = (w: string) => w.replace(/ask before you apply\.$/, "ask the mentors for it.");
  if (!status || NO_STEPS.includes(status)) return warnings.map(afterIntroduction);
  // The warnings every pair with this status carries say what the status's step says already;
  // they are what the rules give on a slot that meets them in full.
  const baseline = new Set(
    authorizationFit(
      { workAuthorization: status },
      {
        compensation: "paid",
        hoursPerWeek: 20,
        acceptedAuthorizations: [status],
        paperwork: ["cpt_offer_letter", "everify_i983", "coop_agreement"],
        startDate: "2000-01-03",
        durationWeeks: 1,
      },
    ).warnings,
  );
  return [AUTHORIZATION_INFO[status].confirm, ...warnings.filter((w) => !baseline.has(w)).map(afterIntroduction)];
}
