import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { skillName } from "~/domain/skill-names";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import { AUTHORIZATION_CODES, EXPLANATION_CODES, SCORE_CODES, TERMS_CODES, type Explanation, type ScoreExplanation } from "~/engine/explanations";
import type { ScoreComponent } from "~/engine/types";
import { WORK_AUTHORIZATIONS } from "~/engine/work-authorization";
import { authorizationExplanation, explanationOf, firstNameArb, scoreExplanation, termsExplanation } from "./arbitraries.test-support";
import {
  currentSteps,
  mentorAuthorizationSection,
  mentorFitLines,
  mentorProposeBlocker,
  mentorView,
  renderComponents,
  renderTopReasons,
  type MentorAuthorization,
} from "./audiences";
import { argumentsOf, PSEUDO_LOCALE, renderExplanation, renderFrame, renderOrganizationDocuments, renderPrivateFit, renderStatusStep, type Voice } from "./render";
import { STATUS_WORDS } from "./status-words.test-support";

const VOICES: Voice[] = [
  { audience: "student" },
  { audience: "student", stage: "matched" },
  { audience: "mentor", name: "Priya" },
  { audience: "mentor", name: null },
  { audience: "admin", name: "Ahmed" },
  { audience: "admin", name: null },
  { audience: "introduction", name: "Amara" },
];

/** The skill slugs an explanation carries, for the leftover-slug check. */
function slugsIn(e: Explanation) {
  if (e.code === "required_skills") return [...e.params.covered, ...e.params.below, ...e.params.missing];
  if (e.code === "nice_skills") return e.params.has;
  return [];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A value of the params as a whole word in the text: a slug or an enum value left unworded. */
const asWord = (text: string, word: string) => new RegExp(`(^|[^\\w-])${escape(word)}($|[^\\w-])`).test(text);

describe("the catalogue", () => {
  test("words every code in every audience, in English and in the pseudo-locale, with no leftover slug", () => {
    for (const code of EXPLANATION_CODES) {
      for (const e of fc.sample(explanationOf(code), { numRuns: 15, seed: 7 })) {
        for (const voice of VOICES) {
          const text = renderExplanation(e, voice);
          expect(text, code).toMatch(/^[A-Z0-9].*[.!]$/s);
          expect(text, code).not.toMatch(/[{}]|undefined|NaN|\[object/);
          // No enum value or skill slug survives: names from the taxonomy, words from the catalogue.
          expect(text, code).not.toMatch(/\b[a-z0-9]+_[a-z0-9_]+\b/);
          for (const slug of slugsIn(e)) {
            if (skillName(slug) !== slug) expect(asWord(text, slug), `${code}: slug ${slug} in "${text}"`).toBe(false);
            expect(text).toContain(skillName(slug));
          }
          if (voice.audience === "student") expect(text, code).not.toMatch(/the student/i);

          // Every word of the message comes from the catalogue: with the arguments taken out, the
          // pseudo-locale leaves no plain letter behind.
          const pseudo = renderExplanation(e, voice, PSEUDO_LOCALE);
          expect(pseudo).not.toBe(text);
          const values = [...Object.values(argumentsOf(e)), ...(voice.audience === "student" ? [] : [voice.name ?? "the student", "The student"])]
            .map(String)
            .filter((v) => /[A-Za-z]/.test(v))
            .sort((a, b) => b.length - a.length);
          const rest = values.reduce((left, v) => left.split(v).join(""), pseudo);
          expect(rest, `${code}: "${pseudo}"`).not.toMatch(/[A-Za-z]/);
        }
      }
    }
  });

  test("the steps, private-status lines, documents line and frames come from the catalogue too", () => {
    const noPlainLetters = (pseudo: string, values: string[]) => {
      const rest = [...values].sort((a, b) => b.length - a.length).reduce((left, v) => left.split(v).join(""), pseudo);
      expect(rest, pseudo).not.toMatch(/[A-Za-z]/);
    };
    for (const status of WORK_AUTHORIZATIONS) {
      for (const voice of VOICES) {
        const pseudo = renderStatusStep(status, voice, PSEUDO_LOCALE);
        if (pseudo) noPlainLetters(pseudo, voice.audience === "student" ? [] : [voice.name ?? "the student", "The student"]);
      }
    }
    for (const fit of ["fits", "to_confirm", "does_not_fit"] as const) noPlainLetters(renderPrivateFit(fit, "Priya", PSEUDO_LOCALE), ["Priya"]);
    noPlainLetters(renderOrganizationDocuments("Priya", "Brightlane Labs", PSEUDO_LOCALE), ["Priya", "Brightlane Labs"]);
    const label = AUTHORIZATION_INFO.us_f1_cpt.label;
    for (const [frame, values] of [
      ["shared_fits", { label }],
      ["shared_does_not_fit", { label }],
      ["to_confirm", { step: "Step." }],
      ["does_not_fit", { reason: "Reason." }],
      ["profile_incomplete", {}],
      ["nothing_to_confirm", {}],
    ] as const) {
      noPlainLetters(renderFrame(frame, values, "Priya", PSEUDO_LOCALE), ["Priya", ...Object.values(values)]);
    }
  });

  test("each status's own step is worded for the student and about them", () => {
    for (const status of WORK_AUTHORIZATIONS) {
      const you = renderStatusStep(status, { audience: "student" });
      const they = renderStatusStep(status, { audience: "admin", name: "Mei" });
      if (AUTHORIZATION_INFO[status].hasDates || status === "not_authorized") {
        expect(you).toMatch(/\byour?\b/i);
        expect(they).toMatch(/\bMei\b/);
        expect(they).not.toMatch(/\byour?\b/i);
      } else {
        expect(you).toBeNull();
      }
    }
  });
});

// The sentences people misread before the catalogue, rendered from codes in each voice.
describe("fixed cases read correctly in each voice", () => {
  const say = (e: Explanation, voice: Voice) => renderExplanation(e, voice);
  const ahmedAdmin: Voice = { audience: "admin", name: "Ahmed" };
  const priya: Voice = { audience: "mentor", name: "Priya" };

  test("an EAD card, to the student and about them", () => {
    const ead: Explanation = { code: "opt_pre_ead", params: {} };
    expect(say(ead, { audience: "student" })).toBe("You need your EAD card before the first day.");
    expect(say(ead, ahmedAdmin)).toBe("Ahmed needs an EAD card before the first day.");
    expect(say(ead, { audience: "mentor", name: null })).toBe("The student needs an EAD card before the first day.");
  });

  test("the CPT offer letter: before applying, after the introduction, and for the mentor", () => {
    const letter: Explanation = { code: "cpt_offer_letter", params: {} };
    expect(say(letter, { audience: "student" })).toBe("The organization has not said it can give the offer letter CPT needs; ask before you apply.");
    expect(say(letter, { audience: "student", stage: "matched" })).toBe("The organization has not said it can give the offer letter CPT needs; ask the mentors for it.");
    expect(say(letter, priya)).toBe("The organization has not said it can give the offer letter CPT needs; Priya will ask you for one.");
    expect(say(letter, ahmedAdmin)).toBe("The organization has not said it can give the offer letter CPT needs.");
  });

  test("a status the slot does not accept, by its name", () => {
    expect(say({ code: "auth_not_accepted", params: { status: "us_j1_academic_training" } }, { audience: "student" })).toBe("This slot does not accept J-1 Academic Training.");
    expect(say({ code: "auth_not_accepted", params: { status: "not_authorized" } }, priya)).toBe("This slot does not accept students who are not yet authorized to work.");
  });

  test("skills by their names, with plurals", () => {
    const skills: Explanation = { code: "required_skills", params: { total: 3, covered: ["react", "typescript", "css"], below: [], missing: [] } };
    expect(say(skills, priya)).toBe("Covers 3 of 3 required skills at the level asked (React, TypeScript, and CSS).");
    const missing: Explanation = { code: "required_skills", params: { total: 2, covered: [], below: [], missing: ["python", "sql"] } };
    expect(say(missing, { audience: "student" })).toBe("Covers 0 of 2 required skills at the level asked. Missing Python and SQL.");
    const one: Explanation = { code: "nice_skills", params: { total: 1, has: ["web-accessibility"] } };
    expect(say(one, priya)).toBe("Has 1 of 1 nice-to-have skill (Web accessibility).");
  });

  test("hours and dates about the student by name", () => {
    const hours: Explanation = { code: "dates_and_hours", params: { weeksAfterFree: 0, hours: 40, studentHours: 40 } };
    expect(say(hours, { audience: "student" })).toBe("Starts soon after you are free; 40 of your 40 hours a week.");
    expect(say(hours, priya)).toBe("Starts soon after Priya is free; 40 of Priya's 40 hours a week.");
    const later: Explanation = { code: "dates_and_hours", params: { weeksAfterFree: 1, hours: 20, studentHours: 40 } };
    expect(say(later, { audience: "introduction", name: "Amara" })).toBe("Starts 1 week after Amara is free; 20 of Amara's 40 hours a week.");
    // Fewer hours in term than in breaks: the hours the slot is held to, and when.
    const inTerm: Explanation = { code: "dates_and_hours", params: { weeksAfterFree: 0, hours: 20, studentHours: 20, during: "term" } };
    expect(say(inTerm, { audience: "student" })).toBe("Starts soon after you are free; 20 of your 20 hours a week in term.");
    const over: Explanation = { code: "hours_over", params: { hours: 40, studentHours: 20, during: "term" } };
    expect(say(over, { audience: "student" })).toBe("The slot asks 40 hours a week and runs in term; you have 20 in term.");
    expect(say(over, priya)).toBe("The slot asks 40 hours a week and runs in term; Priya has 20 in term.");
    const ends: Explanation = { code: "auth_ends_before", params: { validUntil: "2027-07-01", endDate: "2027-08-23" } };
    expect(say(ends, { audience: "student" })).toBe("Your authorization ends on Jul 1, 2027, before this slot ends (Aug 23, 2027).");
    expect(say(ends, ahmedAdmin)).toBe("Ahmed's authorization ends on Jul 1, 2027, before this slot ends (Aug 23, 2027).");
  });

  test("goals, time zones and work modes in words", () => {
    expect(say({ code: "goals", params: { met: ["mentorship", "referral"], unmet: ["return_offer"] } }, { audience: "student" })).toBe(
      "Can give mentorship and a referral, not return-offer consideration.",
    );
    expect(say({ code: "time_zone_overlap", params: { hours: 5, zone: "America/Los_Angeles" } }, priya)).toBe("5 of 8 working hours overlap with the team's (Pacific Time).");
    expect(say({ code: "work_mode_country", params: { mode: "onsite", country: "CA", studentCountry: "US" } }, priya)).toBe(
      "The slot is on site in Canada, and Priya is in the United States.",
    );
    expect(say({ code: "work_mode_country", params: { mode: "hybrid", country: "US", studentCountry: "PH" } }, { audience: "student" })).toBe(
      "The slot is hybrid in the United States, and you are in the Philippines.",
    );
  });
});


const component = (reason: ScoreExplanation): ScoreComponent => {
  const key = reason.code.startsWith("required") ? "required_skills" : reason.code.startsWith("nice") ? "nice_skills" : reason.code.startsWith("goals") ? "goals" : reason.code.startsWith("time_zone") ? "time_zone" : "dates_and_hours";
  return { key, points: 5, max: 15, reason };
};

const pairArb = fc.record({
  problems: fc.array(fc.oneof(authorizationExplanation(AUTHORIZATION_CODES), termsExplanation(TERMS_CODES)), { maxLength: 4 }),
  warnings: fc.array(authorizationExplanation(AUTHORIZATION_CODES), { maxLength: 5 }),
  components: fc.array(scoreExplanation(SCORE_CODES).map(component), { minLength: 1, maxLength: 5 }),
  status: fc.constantFrom(...WORK_AUTHORIZATIONS),
  name: firstNameArb,
  organization: fc.constantFrom("Brightlane Labs", "Harbour Food Network", "Urban Air Quality Lab"),
});

describe("privacy by construction", () => {
  test("with sharing off, nothing a mentor or the joint introduction reads names or implies a status", () => {
    fc.assert(
      fc.property(pairArb, ({ problems, warnings, components, status, name, organization }) => {
        const view = mentorView({ problems, warnings, components }, { shares: false, status });
        const section = mentorAuthorizationSection(view, name, organization);
        const mentorText = [
          ...mentorFitLines(view, name).map((l) => l.text),
          ...renderComponents(view.components, { audience: "mentor", name }).map((c) => `${c.label} ${c.text}`),
          mentorProposeBlocker(view, name) ?? "",
          section.statusLabel ?? "",
          ...section.steps,
          section.summary ?? "",
          section.documents ?? "",
        ].join("\n");
        const jointText = [...renderTopReasons(components, { audience: "introduction", name }).map((r) => r.text), renderOrganizationDocuments(name, organization)].join("\n");
        expect(mentorText).not.toMatch(STATUS_WORDS);
        expect(jointText).not.toMatch(STATUS_WORDS);
        expect(mentorText).not.toContain(AUTHORIZATION_INFO[status].label);
        expect(mentorText).not.toContain(AUTHORIZATION_INFO[status].short);
      }),
      { numRuns: 300 },
    );
  });

  test("with sharing on, the mentor reads the status and its steps", () => {
    fc.assert(
      fc.property(pairArb, ({ problems, warnings, components, status, name, organization }) => {
        const view = mentorView({ problems, warnings, components }, { shares: true, status });
        const lines = mentorFitLines(view, name).map((l) => l.text);
        const section = mentorAuthorizationSection(view, name, organization);
        expect(lines.join("\n")).toContain(AUTHORIZATION_INFO[status].label);
        expect(section.statusLabel).toBe(AUTHORIZATION_INFO[status].label);
        // The status's own step and each step that still applies, worded about the student.
        const voice: Voice = { audience: "mentor", name };
        const expected = [renderStatusStep(status, voice), ...currentSteps({ status }, warnings).map((w) => renderExplanation(w, voice))].filter((x): x is string => x !== null);
        expect(section.steps).toEqual(expected);
        for (const step of expected) expect(lines).toContain(`To confirm before a start date: ${step}`);
      }),
      { numRuns: 100 },
    );
  });

  test("a private authorization cannot carry the status: the view's type refuses it", () => {
    // @ts-expect-error a private authorization has no `status`
    const wrong: MentorAuthorization = { shared: false, fit: "fits", status: "us_f1_cpt" };
    expect(wrong.shared).toBe(false);
  });

  test("a step stored at match time for another status is not shown once the student's status changed", () => {
    const warnings = [
      { code: "opt_pre_term_hours", params: { hours: 30 } },
      { code: "auth_ends_before", params: { validUntil: "2027-07-01", endDate: "2027-08-23" } },
    ] as const;
    const view = mentorView({ warnings: [...warnings], components: [] }, { shares: true, status: "us_f1_cpt", validUntil: "2027-07-01" });
    expect(view.authorization).toMatchObject({ shared: true, steps: [warnings[1]] });
    // A new permit with other dates: the old date warning goes too.
    const renewed = mentorView({ warnings: [...warnings], components: [] }, { shares: true, status: "us_f1_cpt", validUntil: "2028-01-31" });
    expect(renewed.authorization).toMatchObject({ shared: true, steps: [] });
    const citizen = mentorView({ warnings: [...warnings], components: [] }, { shares: true, status: "us_citizen_pr" });
    expect(citizen.authorization).toMatchObject({ shared: true, steps: [] });
  });
});

