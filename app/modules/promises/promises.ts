import { SLOT_OFFERS, type RETURN_OFFER_ANSWERS } from "~/domain/vocabulary";

// The record of promises kept (issue 14): the arithmetic, pure (promises.test.ts). What a slot
// promised (slots.offers) is compared, at completion, with what the internship delivered.
//
// How the objects and the student's answer combine, per promise:
// - An object in Steppingstone proves delivery and wins: a recommendation letter for the match that
//   became ready and went to at least one recipient → "letter delivered"; a referral the mentor
//   accepted (made) → "referral made"; the return offer answered yes or no on the outcome → "return
//   offer considered" (a "no" is a consideration too). The student is not asked about those.
// - Otherwise the student's own answer on the outcome page (match_outcomes.benefits) decides:
//   a letter or referral given outside Steppingstone, the portfolio project, the course credit.
// - Neither yet (no object, no answer, or a return offer still pending): unknown. An unknown
//   promise is left out of the count — neither kept nor broken — and admins see how many there are.
// An object that appears after the student answered "no" still wins: the record follows the facts.
//
// Mentor time: promised is the slot's weekly mentor hours × its weeks; delivered is, for each
// weekly check-in, the lesser of the student's "received" and the mentor's "given" when both were
// recorded (else the student's figure), so neither side alone can inflate it. Each internship's
// delivered time counts at most up to its promise in the organization's total, so hours beyond the
// promise at one internship never hide a shortfall at another.

export type SlotOffer = (typeof SLOT_OFFERS)[number];
type ReturnOfferAnswer = (typeof RETURN_OFFER_ANSWERS)[number];

/** What the slot promised, as the outcome asks about it (every slot is mentored, so mentorship is not asked: its hours are counted apart). */
export const promisedBenefits = (offers: readonly string[]): SlotOffer[] => SLOT_OFFERS.filter((offer) => offers.includes(offer));

/** A public record appears once this many of the organization's internships are complete, so no single student's answers can be read from it. */
export const PROMISE_RECORD_THRESHOLD = 3;

/** What Steppingstone's own objects say about one match. Days as YYYY-MM-DD, or null for none. */
export type PromiseEvidence = {
  /** The first day a ready letter for the match went to a recipient. */
  letterDeliveredOn: string | null;
  /** The day the (first) accepted referral was made. */
  referralMadeOn: string | null;
  /** The student's answer to "did you get a return offer?", or null before the outcome is recorded. */
  returnOffer: ReturnOfferAnswer | null;
};

export const NO_EVIDENCE: PromiseEvidence = { letterDeliveredOn: null, referralMadeOn: null, returnOffer: null };

/** "records_or_student": kept, by a letter or a referral on Steppingstone or by the student's answer, without saying which (verdictsForMentors). */
export type PromiseSource = "letter" | "referral" | "return_offer" | "student" | "records_or_student";
/** One promise as the record reads it: kept, not kept, or not known yet (null), and from what. */
export type PromiseVerdict = { benefit: SlotOffer; kept: boolean | null; source: PromiseSource | null };

/** The object that proves `benefit` delivered, if any. */
function objectFor(benefit: SlotOffer, evidence: PromiseEvidence): PromiseSource | null {
  if (benefit === "recommendation_letter" && evidence.letterDeliveredOn) return "letter";
  if (benefit === "referral" && evidence.referralMadeOn) return "referral";
  if (benefit === "return_offer" && (evidence.returnOffer === "yes" || evidence.returnOffer === "no")) return "return_offer";
  return null;
}

/**
 * The promises the student answers on the outcome page: every promise no object proves yet, but
 * the return offer, which the outcome's own return-offer question answers.
 */
export function promisesToAsk(promised: readonly SlotOffer[], evidence: PromiseEvidence): SlotOffer[] {
  return promised.filter((benefit) => benefit !== "return_offer" && objectFor(benefit, evidence) === null);
}

/** Each promise as the record reads it: the object if there is one, otherwise the student's answer, otherwise not known. */
export function promiseVerdicts(promised: readonly SlotOffer[], evidence: PromiseEvidence, answers: Partial<Record<string, boolean>> | null): PromiseVerdict[] {
  return promised.map((benefit) => {
    const object = objectFor(benefit, evidence);
    if (object) return { benefit, kept: true, source: object };
    const answer = answers?.[benefit];
    return typeof answer === "boolean" ? { benefit, kept: answer, source: "student" } : { benefit, kept: null, source: null };
  });
}

/**
 * The verdicts as the organization's mentors read them on the outcome page: kept or not, but not
 * whether a letter was delivered or a referral made, which are between the student and the mentor
 * asked (decision 017), so a promise kept by an object or by the student's "yes" reads the same.
 * A "not kept" comes only from the student's answer, and the return offer from the outcome all of them read.
 */
export function verdictsForMentors(verdicts: readonly PromiseVerdict[]): PromiseVerdict[] {
  return verdicts.map((v) => (v.kept === true && v.source !== "return_offer" ? { ...v, source: "records_or_student" } : v));
}

/** One completed internship, as the organization's record counts it. */
export type CompletedInternship = {
  verdicts: readonly Pick<PromiseVerdict, "benefit" | "kept">[];
  /** The slot's weekly mentor hours × its weeks. */
  mentorHoursPromised: number;
  /** From the check-ins, as said above. */
  mentorHoursDelivered: number;
};

/** One kind of promise across an organization's completed internships: promised in `internships` of them. */
export type BenefitTally = { benefit: SlotOffer; internships: number; counted: number; kept: number; unknown: number };

export type PromiseTally = {
  internships: number;
  /** Promises with a verdict (kept or not); `kept` of them were kept. */
  counted: number;
  kept: number;
  /** Promises with no verdict yet, left out of `counted`. */
  unknown: number;
  mentorHoursPromised: number;
  /** Delivered hours, each internship's counted up to its promise. */
  mentorHoursDelivered: number;
  /** Each kind of promise made, in the vocabulary's order. */
  byBenefit: BenefitTally[];
};

/** Adds up an organization's completed internships. */
export function tallyPromises(internships: readonly CompletedInternship[]): PromiseTally {
  const tally: PromiseTally = { internships: internships.length, counted: 0, kept: 0, unknown: 0, mentorHoursPromised: 0, mentorHoursDelivered: 0, byBenefit: [] };
  const byBenefit = new Map<SlotOffer, BenefitTally>(SLOT_OFFERS.map((benefit) => [benefit, { benefit, internships: 0, counted: 0, kept: 0, unknown: 0 }]));
  for (const internship of internships) {
    for (const { benefit, kept } of internship.verdicts) {
      const one = byBenefit.get(benefit)!;
      one.internships++;
      if (kept === null) {
        tally.unknown++;
        one.unknown++;
      } else {
        tally.counted++;
        one.counted++;
        if (kept) {
          tally.kept++;
          one.kept++;
        }
      }
    }
    const promised = Math.max(0, internship.mentorHoursPromised);
    tally.mentorHoursPromised += promised;
    tally.mentorHoursDelivered += Math.min(Math.max(0, internship.mentorHoursDelivered), promised);
  }
  tally.mentorHoursDelivered = Math.round(tally.mentorHoursDelivered * 10) / 10;
  tally.byBenefit = [...byBenefit.values()].filter((b) => b.internships > 0);
  return tally;
}

/** What a student weighing a slot reads: the record, or only that it is not shown yet — not even the count behind it. */
export type PublicPromiseRecord = { shown: false; threshold: number } | ({ shown: true } & PromiseTally);

/**
 * The public face of a tally: shown once PROMISE_RECORD_THRESHOLD internships are complete; a kind
 * of promise counts only when that many internships promised it, so a promise only one or two
 * internships made (one slot's course credit) cannot single out its intern's answer. The totals are
 * added up again from the kinds shown: totals that kept a hidden kind would give it away by
 * subtraction. Mentor time stays whole (it is summed over every completed internship, at least the threshold).
 */
export function publicPromiseRecord(tally: PromiseTally): PublicPromiseRecord {
  if (tally.internships < PROMISE_RECORD_THRESHOLD) return { shown: false, threshold: PROMISE_RECORD_THRESHOLD };
  const byBenefit = tally.byBenefit.filter((b) => b.internships >= PROMISE_RECORD_THRESHOLD);
  const sum = (key: "counted" | "kept" | "unknown") => byBenefit.reduce((total, b) => total + b[key], 0);
  return { shown: true, ...tally, counted: sum("counted"), kept: sum("kept"), unknown: sum("unknown"), byBenefit };
}

/** A share as a whole percent, rounded down so the record never reads better than it is; null for nothing promised. */
export function percentOf(part: number, whole: number): number | null {
  return whole > 0 ? Math.floor((100 * part) / whole + 1e-9) : null;
}
