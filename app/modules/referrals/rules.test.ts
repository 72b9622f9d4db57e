import { describe, expect, test } from "vitest";
import { REFERRAL_OUTCOMES, REFERRAL_STATES } from "~/domain/vocabulary";
import { mayAnswerReferral, mayRecordReferralOutcome, mayWithdrawReferral, referralNudgeDue, REFERRAL_QUIET_DAYS, REFERRAL_UNANSWERED_DAYS, type ReferralSide } from "./rules";
import { DAY_MS } from "~/domain/time";

const SIDES: ReferralSide[] = ["student", "mentor", "admin"];
const DAY = DAY_MS;

describe("who may do what with a referral", () => {
  // [side, state] → answer, record an outcome, withdraw
  const table: [ReferralSide, (typeof REFERRAL_STATES)[number], boolean, boolean, boolean][] = [
    ["student", "requested", false, false, true],
    ["student", "accepted", false, true, false],
    ["student", "declined", false, false, false],
    ["mentor", "requested", true, false, false],
    ["mentor", "accepted", false, true, false],
    ["mentor", "declined", false, false, false],
    ["admin", "requested", false, false, false],
    ["admin", "accepted", false, false, false],
    ["admin", "declined", false, false, false],
  ];
  test.each(table)("%s, %s: answer %s, outcome %s, withdraw %s", (side, state, answer, outcome, withdraw) => {
    expect([mayAnswerReferral({ side, state }), mayRecordReferralOutcome({ side, state }), mayWithdrawReferral({ side, state })]).toEqual([answer, outcome, withdraw]);
  });
  test("the table covers every side and state", () => {
    expect(table.length).toBe(SIDES.length * REFERRAL_STATES.length);
  });
});

describe("referralNudgeDue", () => {
  const now = new Date("2026-11-30T12:00:00Z");
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  test("asks the student after two quiet weeks of a referral in progress, not a day before", () => {
    for (const outcome of [null, "submitted", "interviewing"] as const) {
      expect(referralNudgeDue({ state: "accepted", outcome, lastUpdateAt: ago(REFERRAL_QUIET_DAYS) }, now)).toBe("student");
      expect(referralNudgeDue({ state: "accepted", outcome, lastUpdateAt: ago(REFERRAL_QUIET_DAYS - 1) }, now)).toBeNull();
    }
  });
  test("never after a final outcome, nor for a declined request", () => {
    for (const outcome of ["offer", "not_selected", "no_answer"] as const) expect(referralNudgeDue({ state: "accepted", outcome, lastUpdateAt: ago(90) }, now)).toBeNull();
    expect(referralNudgeDue({ state: "declined", outcome: null, lastUpdateAt: ago(90) }, now)).toBeNull();
    expect(REFERRAL_OUTCOMES.filter((o) => referralNudgeDue({ state: "accepted", outcome: o, lastUpdateAt: ago(90) }, now))).toEqual(["submitted", "interviewing"]);
  });
  test("reminds the mentor of a request unanswered for a week", () => {
    expect(referralNudgeDue({ state: "requested", outcome: null, lastUpdateAt: ago(REFERRAL_UNANSWERED_DAYS) }, now)).toBe("mentor");
    expect(referralNudgeDue({ state: "requested", outcome: null, lastUpdateAt: ago(REFERRAL_UNANSWERED_DAYS - 1) }, now)).toBeNull();
  });
});
