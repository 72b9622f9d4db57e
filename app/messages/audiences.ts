import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import {
  appliesToStatus,
  isAuthorizationExplanation,
  type AuthorizationExplanation,
  type Explanation,
  type TermsExplanation,
} from "~/engine/explanations";
import { isStrength, topComponents } from "~/engine/score";
import type { ScoreComponent } from "~/engine/types";
import { authorizationFit, type WorkAuthorizationStatus } from "~/engine/work-authorization";
import { COMPONENT_LABELS } from "./catalogue";
import {
  hasStatusStep,
  renderExplanation,
  renderFrame,
  renderOrganizationDocuments,
  renderPrivateFit,
  renderStatusStep,
  type PrivateFit,
  type Voice,
} from "./render";

// What each audience may read about a student and a slot, decided here and nowhere else. A
// mentor's view is built by mentorView, whose type cannot carry the student's status or any
// work-authorization code unless the student shares the status. Pages and emails render these
// views; they never receive the engine's explanations for another audience.

/** What the engine said about a pair (live, or as stored on a match). */
export type PairExplanation = { problems?: Explanation[]; warnings: AuthorizationExplanation[]; components: ScoreComponent[] };

/** The student's work authorization as their profile holds it now. */
export type CurrentStatus = { status: WorkAuthorizationStatus | null; validFrom?: string | null; validUntil?: string | null };

/** The student's sharing choice and their status now. */
export type Sharing = CurrentStatus & { shares: boolean };

/** How the student's work authorization reaches a mentor: the status and its codes, or only whether it fits. */
export type MentorAuthorization =
  | { shared: true; status: WorkAuthorizationStatus; problems: AuthorizationExplanation[]; steps: AuthorizationExplanation[] }
  | { shared: false; fit: PrivateFit };

/** Everything a mentor may read about a pair. */
export type MentorPairView = {
  authorization: MentorAuthorization;
  /** Why the pair does not fit, for reasons that say nothing about the status. */
  problems: TermsExplanation[];
  components: ScoreComponent[];
};

const restated = new Map<WorkAuthorizationStatus, Set<string>>();
/** The codes the status's own step already says: its rules' warnings on a slot that meets them in full. */
function restatedByStatusStep(status: WorkAuthorizationStatus) {
  let codes = restated.get(status);
  if (!codes) {
    const ideal = authorizationFit(
      { workAuthorization: status },
      { compensation: "paid", hoursPerWeek: 20, acceptedAuthorizations: [status], paperwork: ["cpt_offer_letter", "everify_i983", "coop_agreement"], startDate: "2000-01-03", durationWeeks: 1 },
    );
    codes = new Set(ideal.warnings.map((w) => w.code));
    restated.set(status, codes);
  }
  return codes;
}

/**
 * The steps before a first day for the student as they are now: the pair's stored steps that
 * still apply — to their current status, and for date warnings to their current dates (a warning
 * from match time about another status or an old permit is dropped) — without those the
 * status's own step already says.
 */
export function currentSteps(now: CurrentStatus, warnings: AuthorizationExplanation[]) {
  const status = now.status;
  if (!status) return [];
  return warnings.filter((w) => {
    if (!appliesToStatus(w, status) || restatedByStatusStep(status).has(w.code)) return false;
    if (w.code === "auth_starts_after") return w.params.validFrom === now.validFrom;
    if (w.code === "auth_ends_before") return w.params.validUntil === now.validUntil;
    return true;
  });
}

/**
 * The mentor's view of a pair: with the status and its codes only when the student shares it.
 * Otherwise only whether it fits: "to confirm" for every status but a citizen's or permanent
 * resident's (and for a status no longer on the profile) — a distinction the product accepts
 * (decision 011) — and "does not fit" without the rule that failed.
 */
export function mentorView(pair: PairExplanation, sharing: Sharing): MentorPairView {
  const problems = pair.problems ?? [];
  const authProblems = problems.filter(isAuthorizationExplanation);
  const terms = problems.filter((p): p is TermsExplanation => !isAuthorizationExplanation(p));
  const authorization: MentorAuthorization =
    sharing.shares && sharing.status
      ? { shared: true, status: sharing.status, problems: authProblems, steps: currentSteps(sharing, pair.warnings) }
      : { shared: false, fit: authProblems.length ? "does_not_fit" : sharing.status === null || hasStatusStep(sharing.status) ? "to_confirm" : "fits" };
  return { authorization, problems: terms, components: pair.components };
}

// Rendering ------------------------------------------------------------------------------------

export type RenderedComponent = { key: ScoreComponent["key"]; label: string; points: number; max: number; text: string; strength: boolean };

/** Score components worded for one audience (every score code is safe for every audience). */
export function renderComponents(components: readonly ScoreComponent[], voice: Voice): RenderedComponent[] {
  return components.map((c) => ({ key: c.key, label: COMPONENT_LABELS[c.key], points: c.points, max: c.max, text: renderExplanation(c.reason, voice), strength: isStrength(c) }));
}

/** The strongest components (those that weighed something real first), worded. */
export function renderTopReasons(components: readonly ScoreComponent[], voice: Voice, count = 3) {
  return renderComponents(topComponents(components, count), voice);
}

export type FitLine = { fits: boolean; text: string };

/** A shared status's own step and the pair's steps, worded for `voice`. */
function sharedSteps(status: WorkAuthorizationStatus, steps: AuthorizationExplanation[], voice: Voice) {
  const own = renderStatusStep(status, voice);
  return [...(own ? [own] : []), ...steps.map((w) => renderExplanation(w, voice))];
}

/** A mentor's fit lines for a pair: the work authorization as the student allows, then the other terms. */
export function mentorFitLines(view: MentorPairView, name: string | null): FitLine[] {
  const voice: Voice = { audience: "mentor", name };
  const lines: FitLine[] = [];
  const auth = view.authorization;
  if (auth.shared) {
    const label = AUTHORIZATION_INFO[auth.status].label;
    lines.push({ fits: auth.problems.length === 0, text: renderFrame(auth.problems.length ? "shared_does_not_fit" : "shared_fits", { label }, name) });
    for (const p of auth.problems) lines.push({ fits: false, text: renderFrame("does_not_fit", { reason: renderExplanation(p, voice) }, name) });
    for (const step of sharedSteps(auth.status, auth.steps, voice)) lines.push({ fits: true, text: renderFrame("to_confirm", { step }, name) });
  } else {
    lines.push({ fits: auth.fit !== "does_not_fit", text: renderPrivateFit(auth.fit, name) });
  }
  for (const p of view.problems) lines.push({ fits: false, text: renderFrame("does_not_fit", { reason: renderExplanation(p, voice) }, name) });
  return lines;
}

/** Why a mentor cannot propose a pair, in the mentor's voice and without a private status. */
export function mentorProposeBlocker(view: MentorPairView, name: string | null): string | null {
  const voice: Voice = { audience: "mentor", name };
  const auth = view.authorization;
  if (auth.shared && auth.problems.length) return renderExplanation(auth.problems[0]!, voice);
  if (!auth.shared && auth.fit === "does_not_fit") return renderPrivateFit("does_not_fit", name);
  return view.problems.length ? renderExplanation(view.problems[0]!, voice) : null;
}

/** The work-authorization part of a match page or email, as one audience may read it. */
export type AuthorizationSection = {
  /** The status's label: only for the student, an admin, or a mentor the student shares it with. */
  statusLabel: string | null;
  /** Steps before the first day, worded for the reader. */
  steps: string[];
  /** For a mentor the student keeps the status from: whether it fits, in words that fit any status. */
  summary: string | null;
  /** For a mentor: what the organization may be asked for (any status). */
  documents: string | null;
};

/** The student's own steps after the introduction: the status step, then the pair's that add to it. */
export function studentAuthorizationSection(now: CurrentStatus, warnings: AuthorizationExplanation[]): AuthorizationSection {
  if (!now.status) return { statusLabel: null, steps: [], summary: null, documents: null };
  const voice: Voice = { audience: "student", stage: "matched" };
  return { statusLabel: AUTHORIZATION_INFO[now.status].label, steps: sharedSteps(now.status, currentSteps(now, warnings), voice), summary: null, documents: null };
}

/** A mentor's section on the match page: the shared status and its steps, or only that there are steps. */
export function mentorAuthorizationSection(view: MentorPairView, name: string | null, organization: string): AuthorizationSection {
  const auth = view.authorization;
  if (auth.shared) {
    const steps = sharedSteps(auth.status, auth.steps, { audience: "mentor", name });
    return { statusLabel: AUTHORIZATION_INFO[auth.status].label, steps, summary: null, documents: steps.length ? renderOrganizationDocuments(name, organization) : null };
  }
  return { statusLabel: null, steps: [], summary: renderPrivateFit(auth.fit, name), documents: auth.fit === "fits" ? null : renderOrganizationDocuments(name, organization) };
}

/** An admin's section: everything, about the student by name. */
export function adminAuthorizationSection(now: CurrentStatus, warnings: AuthorizationExplanation[], name: string | null): AuthorizationSection {
  const voice: Voice = { audience: "admin", name };
  if (!now.status) return { statusLabel: null, steps: warnings.map((w) => renderExplanation(w, voice)), summary: null, documents: null };
  return { statusLabel: AUTHORIZATION_INFO[now.status].label, steps: sharedSteps(now.status, currentSteps(now, warnings), voice), summary: null, documents: null };
}

/** Whether the student has steps before a first day (so the joint introduction carries the documents line, and they get their own email). */
export const hasAuthorizationSteps = (status: WorkAuthorizationStatus | null) => status !== null && hasStatusStep(status);

/** A work-authorization fit worded for the student themselves (slot pages, search results). */
export function studentFit(fit: { eligible: boolean; problems: AuthorizationExplanation[]; warnings: AuthorizationExplanation[] }) {
  const voice: Voice = { audience: "student" };
  return { eligible: fit.eligible, problems: fit.problems.map((p) => renderExplanation(p, voice)), warnings: fit.warnings.map((w) => renderExplanation(w, voice)) };
}
