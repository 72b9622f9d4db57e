import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import {
  appliesToStatus,
  isAuthorizationExplanation,
  type AuthorizationExplanation,
  type Explanation,
  type TermsExplanation,
} from "~/matching/explanations";
import { isStrength, topComponents } from "~/matching/score";
import type { ScoreComponent } from "~/matching/types";
import { authorizationFit, type WorkAuthorizationStatus } from "~/matching/work-authorization";
import { COMPONENT_LABELS } from "./catalogue";
import { renderExplanation, renderOrganizationDocuments, renderPrivateFit, renderStatusStep, type PrivateFit, type Voice } from "./render";

// What each audience may read about a student and a slot, decided here and nowhere else. A
// mentor's view is built by mentorView, whose type cannot carry the student's status or any
// work-authorization code unless the student shares the status. Pages and emails render these
// views; they never receive the engine's explanations for another audience.

/** What the engine said about a pair (live, or as stored on a match). */
export type PairExplanation = { problems?: Explanation[]; warnings: AuthorizationExplanation[]; components: ScoreComponent[] };

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

/** The student's sharing choice and status, as their profile holds them now. */
export type Sharing = { shares: boolean; status: WorkAuthorizationStatus | null };

/** The codes the status's own step already says (its rules on a slot that meets them in full). */
function restatedByStatusStep(status: WorkAuthorizationStatus) {
  const ideal = authorizationFit(
    { workAuthorization: status },
    { compensation: "paid", hoursPerWeek: 20, acceptedAuthorizations: [status], paperwork: ["cpt_offer_letter", "everify_i983", "coop_agreement"], startDate: "2000-01-03", durationWeeks: 1 },
  );
  return new Set(ideal.warnings.map((w) => w.code));
}

/**
 * The steps before a first day for a student who holds `status` now: the pair's stored steps
 * that still apply to that status (a warning from match time about another status is dropped),
 * without those the status's own step already says.
 */
export function currentSteps(status: WorkAuthorizationStatus | null, warnings: AuthorizationExplanation[]) {
  if (!status) return [];
  const restated = restatedByStatusStep(status);
  return warnings.filter((w) => appliesToStatus(w, status) && !restated.has(w.code));
}

/** The mentor's view of a pair: with the status and its codes only when the student shares it. */
export function mentorView(pair: PairExplanation, sharing: Sharing): MentorPairView {
  const problems = pair.problems ?? [];
  const authProblems = problems.filter(isAuthorizationExplanation);
  const terms = problems.filter((p): p is TermsExplanation => !isAuthorizationExplanation(p));
  const steps = sharing.status ? currentSteps(sharing.status, pair.warnings) : [];
  const needsSteps = steps.length > 0 || (sharing.status !== null && renderStatusStep(sharing.status, { audience: "admin", name: null }) !== null);
  const authorization: MentorAuthorization =
    sharing.shares && sharing.status
      ? { shared: true, status: sharing.status, problems: authProblems, steps }
      : { shared: false, fit: authProblems.length ? "does_not_fit" : needsSteps ? "to_confirm" : "fits" };
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

/** A mentor's fit lines for a pair: the work authorization as the student allows, then the other terms. */
export function mentorFitLines(view: MentorPairView, name: string | null): FitLine[] {
  const voice: Voice = { audience: "mentor", name };
  const lines: FitLine[] = [];
  const auth = view.authorization;
  if (auth.shared) {
    const label = AUTHORIZATION_INFO[auth.status].label;
    if (auth.problems.length === 0) lines.push({ fits: true, text: `Work authorization (shared): ${label} — fits this slot.` });
    for (const p of auth.problems) lines.push({ fits: false, text: `Work authorization (shared): ${label} — ${renderExplanation(p, voice)}` });
    const own = renderStatusStep(auth.status, voice);
    for (const step of [...(own ? [own] : []), ...auth.steps.map((w) => renderExplanation(w, voice))]) lines.push({ fits: true, text: `To confirm before a start date: ${step}` });
  } else {
    lines.push({ fits: auth.fit !== "does_not_fit", text: renderPrivateFit(auth.fit, name) });
  }
  for (const p of view.problems) lines.push({ fits: false, text: `Does not fit: ${renderExplanation(p, voice)}` });
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
  /** For a mentor or the joint introduction: what the organization may be asked for (any status). */
  documents: string | null;
};

/** The student's own steps after the introduction: the status step, then the pair's that add to it. */
export function studentAuthorizationSection(status: WorkAuthorizationStatus | null, warnings: AuthorizationExplanation[]): AuthorizationSection {
  const voice: Voice = { audience: "student", stage: "matched" };
  if (!status) return { statusLabel: null, steps: [], summary: null, documents: null };
  const own = renderStatusStep(status, voice);
  const steps = [...(own ? [own] : []), ...currentSteps(status, warnings).map((w) => renderExplanation(w, voice))];
  return { statusLabel: AUTHORIZATION_INFO[status].label, steps, summary: null, documents: null };
}

/** A mentor's section on the match page: the shared status and its steps, or only that there are steps. */
export function mentorAuthorizationSection(view: MentorPairView, name: string | null, organization: string): AuthorizationSection {
  const auth = view.authorization;
  const voice: Voice = { audience: "mentor", name };
  if (auth.shared) {
    const own = renderStatusStep(auth.status, voice);
    const steps = [...(own ? [own] : []), ...auth.steps.map((w) => renderExplanation(w, voice))];
    return { statusLabel: AUTHORIZATION_INFO[auth.status].label, steps, summary: null, documents: steps.length ? renderOrganizationDocuments(name, organization) : null };
  }
  return { statusLabel: null, steps: [], summary: renderPrivateFit(auth.fit, name), documents: auth.fit === "fits" ? null : renderOrganizationDocuments(name, organization) };
}

/** An admin's section: everything, about the student by name. */
export function adminAuthorizationSection(status: WorkAuthorizationStatus | null, warnings: AuthorizationExplanation[], name: string | null): AuthorizationSection {
  const voice: Voice = { audience: "admin", name };
  if (!status) return { statusLabel: null, steps: warnings.map((w) => renderExplanation(w, voice)), summary: null, documents: null };
  const own = renderStatusStep(status, voice);
  return {
    statusLabel: AUTHORIZATION_INFO[status].label,
    steps: [...(own ? [own] : []), ...currentSteps(status, warnings).map((w) => renderExplanation(w, voice))],
    summary: null,
    documents: null,
  };
}

/** Whether the joint introduction should carry the documents line: the student has steps before a first day. */
export function hasAuthorizationSteps(status: WorkAuthorizationStatus | null, warnings: AuthorizationExplanation[]) {
  return status !== null && (renderStatusStep(status, { audience: "student" }) !== null || currentSteps(status, warnings).length > 0);
}

/** A work-authorization fit worded for the student themselves (slot pages, search results). */
export function studentFit(fit: { eligible: boolean; problems: AuthorizationExplanation[]; warnings: AuthorizationExplanation[] }) {
  const voice: Voice = { audience: "student" };
  return { eligible: fit.eligible, problems: fit.problems.map((p) => renderExplanation(p, voice)), warnings: fit.warnings.map((w) => renderExplanation(w, voice)) };
}
