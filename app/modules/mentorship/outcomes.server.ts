import { decodeBase32IgnorePadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { isbot } from "isbot";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { matches, matchOutcomes, organizations, outcomeFollowUps as followUps, slots, users } from "~db/schema";
import OutcomeFollowUpEmail, { outcomeFollowUpSubject } from "~emails/outcome-follow-up";
import { generateToken, parseToken, secretMatches } from "~/auth/tokens.server";
import { firstName } from "~/domain/names";
import { DAY_MS } from "~/domain/time";
import { FOLLOW_UP_ANSWERS, isIn, type RETURN_OFFER_ANSWERS, type SLOT_OFFERS } from "~/domain/vocabulary";
import { absoluteUrl } from "~/env.server";
import { promisedBenefits, promisesToAsk, promiseVerdicts, verdictsForMentors, type PromiseEvidence, type PromiseVerdict } from "~/modules/promises/promises";
import { promiseEvidenceOf } from "~/modules/promises/promises.server";
import type { Mentorship } from "./access.server";
import { FOLLOW_UP_CHANGE_DAYS, FOLLOW_UP_LINK_DAYS } from "./follow-up-timing";
import { FOLLOW_UP_LABELS } from "./outcome-labels";
import type { OutcomeInput } from "./outcome-schemas";
import { remind } from "./remind.server";
import { mayRecordOutcome } from "./rules";
import { FOLLOW_UP_MONTHS } from "./schedule";

// What an internship gave the student (docs/decisions/016-the-mentorship-space.md): the student's
// record at completion — each promise of the slot delivered or not, and the return offer — and
// "where are you now?" 3 and 6 months later, answered with one click from the email's link.
//
// The link: a mail scanner may open it before the person does (isbot misses Chrome-like scanners
// such as Safe Links), so an answer is not final. The link takes answers for FOLLOW_UP_LINK_DAYS
// after sending while unanswered, and for FOLLOW_UP_CHANGE_DAYS after its first answer, each
// answer replacing the last: a scanner's click is corrected by the person's own. Its secret is
// checked on every use (the hash is kept after answering). The answers are the student's and the
// admins' only: a mentor's page data leaves them out. Signed in, the student changes an answer
// from the outcome tab at any time.

export type SlotOffer = (typeof SLOT_OFFERS)[number];
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];
export type ReturnOfferAnswer = (typeof RETURN_OFFER_ANSWERS)[number];

export { FOLLOW_UP_CHANGE_DAYS, FOLLOW_UP_LINK_DAYS };
/** A follow-up whose day passed more than this long ago (the sweep was down, or the feature is new) is not sent late. */
const FOLLOW_UP_LATE_DAYS = 30;

export { promisedBenefits };

export type OutcomePage = {
  promised: SlotOffer[];
  /**
   * The record of promises kept for this match (app/modules/promises/promises.ts): each promise as
   * the record reads it now — from Steppingstone's objects first, then the student's answer.
   */
  record: PromiseVerdict[];
  /** What the objects say: the days a letter was delivered and a referral made. */
  evidence: Pick<PromiseEvidence, "letterDeliveredOn" | "referralMadeOn">;
  /** The promises the student's form asks about (those no object proves, and not the return offer, which its own question answers). */
  asked: SlotOffer[];
  mayRecord: boolean;
  outcome: {
    /**
     * The student's answers, by promise; for a mentor, each promise kept or not as the record reads it
     * (answered or proved by an object alike, so which were asked does not tell a letter delivered apart).
     */
    delivered: Partial<Record<SlotOffer, boolean>>;
    returnOffer: ReturnOfferAnswer;
    /** null when the student's account is gone (the match goes with it, so in practice always a name). */
    recordedByName: string | null;
    recordedAt: string;
    updatedAt: string;
  } | null;
  /** The follow-ups sent so far; null for a mentor, who does not see the student's answers. */
  followUps:
    | {
        months: number;
        sentAt: string;
        answer: FollowUpAnswer | null;
        organizationName: string | null;
        answeredAt: string | null;
      }[]
    | null;
  /** Whether the reader (the match's student) may change the follow-ups' answers here. */
  mayAnswerFollowUps: boolean;
};

/** Each promise kept or not (the return offer has its own answer), as a mentor's page data carries it. */
const keptByRecord = (verdicts: readonly PromiseVerdict[]): Partial<Record<SlotOffer, boolean>> =>
  Object.fromEntries(verdicts.filter((v) => v.kept !== null && v.source !== "return_offer").map((v) => [v.benefit, v.kept]));

/** The outcome of a match for the student, the slot's mentors and admins; its follow-ups for the student and admins only. */
export async function getOutcomePage(db: Db, m: Mentorship): Promise<OutcomePage> {
  const [row] = await db
    .select({ outcome: matchOutcomes, recordedByName: users.name })
    .from(matchOutcomes)
    .leftJoin(users, eq(users.id, matchOutcomes.recordedBy))
    .where(eq(matchOutcomes.matchId, m.match.id));
  // why: where the student is now is theirs to tell; the mentors of the internship do not read it (DESIGN.md).
  const answers =
    m.side === "mentor"
      ? null
      : await db
          .select({
            months: followUps.months,
            sentAt: followUps.sentAt,
            answer: followUps.answer,
            organizationName: followUps.organizationName,
            answeredAt: followUps.answeredAt,
          })
          .from(followUps)
          .where(eq(followUps.matchId, m.match.id))
          .orderBy(asc(followUps.months));
  const promised = promisedBenefits(m.slot.offers);
  const evidence = await promiseEvidenceOf(db, m.match.id);
  const record = promiseVerdicts(promised, evidence, row?.outcome.benefits ?? null);
  // why: a letter delivered and a referral made are between the student and the mentor asked (decision 017), and
  // every mentor of the organization reads this page: a mentor's data carries each verdict, not its source or its
  // day, nor which promises the student was asked (which would tell an object from an answer).
  const mentor = m.side === "mentor";
  const verdicts = mentor ? verdictsForMentors(record) : record;
  return {
    promised,
    record: verdicts,
    evidence: mentor ? { letterDeliveredOn: null, referralMadeOn: null } : { letterDeliveredOn: evidence.letterDeliveredOn, referralMadeOn: evidence.referralMadeOn },
    asked: mentor ? [] : promisesToAsk(promised, evidence),
    mayRecord: mayRecordOutcome({ side: m.side, status: m.match.status }),
    outcome: row
      ? {
          delivered: mentor ? keptByRecord(verdicts) : (row.outcome.benefits as Partial<Record<SlotOffer, boolean>>),
          returnOffer: row.outcome.returnOffer,
          recordedByName: row.recordedByName,
          recordedAt: row.outcome.recordedAt.toISOString(),
          updatedAt: row.outcome.updatedAt.toISOString(),
        }
      : null,
    followUps:
      answers?.map((f) => ({
        ...f,
        sentAt: f.sentAt.toISOString(),
        answeredAt: f.answeredAt?.toISOString() ?? null,
      })) ?? null,
    mayAnswerFollowUps: m.side === "student",
  };
}

export type RecordOutcomeResult = { ok: true } | { ok: false; error: "not_allowed" } | { ok: false; error: "missing"; benefits: SlotOffer[] };

/**
 * The student records (or later corrects) what the completed internship gave them: every benefit
 * the slot promised that no object proves (promisesToAsk), delivered or not — no more, no fewer —
 * and the return offer. A promise a delivered letter or a made referral proves is not asked, and
 * the return-offer promise is answered by the return offer itself (app/modules/promises/promises.ts).
 */
export async function recordOutcome(db: Db, m: Mentorship, input: OutcomeInput, now = new Date()): Promise<RecordOutcomeResult> {
  if (!mayRecordOutcome({ side: m.side, status: m.match.status })) return { ok: false, error: "not_allowed" };
  const asked = promisesToAsk(promisedBenefits(m.slot.offers), await promiseEvidenceOf(db, m.match.id));
  const missing = asked.filter((offer) => !input.delivered[offer]);
  if (missing.length) return { ok: false, error: "missing", benefits: missing };
  const benefits = Object.fromEntries(asked.map((offer) => [offer, input.delivered[offer] === "yes"]));
  await db
    .insert(matchOutcomes)
    .values({
      matchId: m.match.id,
      benefits,
      returnOffer: input.returnOffer,
      recordedBy: m.viewerId,
      recordedAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: matchOutcomes.matchId,
      set: {
        benefits,
        returnOffer: input.returnOffer,
        recordedBy: m.viewerId,
        updatedAt: now,
      },
    });
  return { ok: true };
}

// Follow-ups ---------------------------------------------------------------------------------

/**
 * The follow-up row a token's id names. The token is generateToken()'s `<id>.<secret>`; its id
 * (120 random bits) is laid into the row's uuid (version 4, variant 8), so the link finds its row
 * without another column, and only the secret's hash is stored.
 */
export function followUpIdOf(tokenId: string): string {
  const hex = encodeHexLowerCase(decodeBase32IgnorePadding(tokenId));
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(12, 15)}-8${hex.slice(15, 18)}-${hex.slice(18, 30)}`;
}

/** The day `months` after `from`, in UTC (the end of a shorter month rolls over, as Date does). */
export function monthsAfter(from: Date, months: number): Date {
  const date = new Date(from);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
}

/**
 * Creates the `months` follow-up of a match with a fresh link, or null when it exists
 * already (one per match and months). Returns the token for the email's links; only its hash is kept.
 */
export async function createFollowUp(
  tx: Db,
  matchId: string,
  months: (typeof FOLLOW_UP_MONTHS)[number],
  now: Date,
): Promise<{ id: string; token: string } | null> {
  const { id: tokenId, token, secretHash } = generateToken();
  const [row] = await tx
    .insert(followUps)
    .values({
      id: followUpIdOf(tokenId),
      matchId,
      months,
      secretHash,
      sentAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: followUps.id });
  return row ? { id: row.id, token } : null;
}

/** The four one-click answers of a follow-up link. */
export function followUpLinks(token: string) {
  return FOLLOW_UP_ANSWERS.map((answer) => ({
    answer,
    label: FOLLOW_UP_LABELS[answer],
    url: absoluteUrl(`/follow-up/${token}?answer=${answer}`),
  }));
}

/**
 * A step of the reminders sweep: FOLLOW_UP_MONTHS (3 and 6) after a match's completion, creates
 * its follow-up with a fresh single-use link and emails the student "Where are you now?" — once
 * (the row is unique per match and months, and the ledger per event). Only the latest follow-up
 * due is sent, and none more than a month late. Returns how many were sent.
 */
export async function outcomeFollowUps(db: Db, now: Date): Promise<number> {
  const earliest = monthsAfter(now, -Math.max(...FOLLOW_UP_MONTHS) - 1);
  const latest = monthsAfter(now, -Math.min(...FOLLOW_UP_MONTHS));
  const rows = await db
    .select({
      matchId: matches.id,
      completedAt: matches.completedAt,
      slotTitle: slots.title,
      organizationName: organizations.name,
      student: { id: users.id, name: users.name, email: users.email },
    })
    .from(matches)
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(
      and(
        eq(matches.status, "completed"),
        isNotNull(matches.completedAt),
        sql`${matches.completedAt} between ${earliest.toISOString()} and ${latest.toISOString()}`,
      ),
    );
  let count = 0;
  for (const row of rows) {
    const due = FOLLOW_UP_MONTHS.filter((months) => monthsAfter(row.completedAt!, months) <= now).at(-1);
    if (!due) continue;
    if (now.getTime() - monthsAfter(row.completedAt!, due).getTime() > FOLLOW_UP_LATE_DAYS * DAY_MS) continue;
    const sent = await transaction(db, async (tx) => {
      const created = await createFollowUp(tx, row.matchId, due, now);
      if (!created) return false;
      const links = followUpLinks(created.token);
      const result = await remind(tx, {
        kind: "outcome_follow_up",
        eventKey: `${row.matchId}:${due}`,
        user: row.student,
        matchId: row.matchId,
        summary: `Where are you now, ${due} months after “${row.slotTitle}”?`,
        // why: the ledger keeps where to act, not a link that carries the secret.
        url: absoluteUrl(`/matches/${row.matchId}/outcome`),
        email: () => ({
          template: "outcome-follow-up",
          subject: outcomeFollowUpSubject(due),
          body: createElement(OutcomeFollowUpEmail, {
            name: firstName(row.student.name),
            months: due,
            slotTitle: row.slotTitle,
            organizationName: row.organizationName,
            links: links.map(({ label, url }) => ({ label, url })),
            linkDays: FOLLOW_UP_LINK_DAYS,
            changeDays: FOLLOW_UP_CHANGE_DAYS,
          }),
        }),
      }, now);
      return result !== "already";
    });
    if (sent) count++;
  }
  return count;
}

export type FollowUpView = {
  matchId: string;
  months: number;
  slotTitle: string;
  organizationName: string;
  studentFirstName: string;
  answer: FollowUpAnswer | null;
  answeredOrganization: string | null;
  /** Until when the link takes an answer (or a change of it), ISO. */
  openUntil: string;
  /** Whether the "at which organization?" form is taken (answered, not "still searching", the link not expired). */
  mayAddOrganization: boolean;
};

export type FollowUpState = { state: "invalid" } | { state: "open" | "answered" | "expired"; view: FollowUpView };

/** Whether a request is a person's click (not a link scanner, a preview, or a HEAD): a GET from a browser that names itself and is no known bot. */
export function isPersonsClick(method: string, userAgent: string | null | undefined): boolean {
  const agent = userAgent?.trim() ?? "";
  // why: isbot("") is false, but an empty or missing user agent is a script or a scanner, never a person's browser.
  return method === "GET" && agent !== "" && !isbot(agent);
}

/** Until when a follow-up link takes answers: FOLLOW_UP_CHANGE_DAYS after its first answer, or FOLLOW_UP_LINK_DAYS after sending while unanswered. */
export function linkOpenUntil(followUp: { sentAt: Date; answeredAt: Date | null }): Date {
  return followUp.answeredAt
    ? new Date(followUp.answeredAt.getTime() + FOLLOW_UP_CHANGE_DAYS * DAY_MS)
    : new Date(followUp.sentAt.getTime() + FOLLOW_UP_LINK_DAYS * DAY_MS);
}

const expired = (followUp: { sentAt: Date; answeredAt: Date | null }, now: Date) => now.getTime() > linkOpenUntil(followUp).getTime();

async function findFollowUp(db: Db, token: string, { lock = false } = {}) {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const query = db
    .select({
      followUp: followUps,
      slotTitle: slots.title,
      organizationName: organizations.name,
      studentName: users.name,
    })
    .from(followUps)
    .innerJoin(matches, eq(matches.id, followUps.matchId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(eq(followUps.id, followUpIdOf(parsed.id)));
  const [row] = lock ? await query.for("update", { of: followUps }) : await query;
  // why: the secret is checked on every use, answered or not; the id alone names a row but proves nothing.
  // A row without a hash (cleared by an earlier version once used) takes no token at all.
  if (!row || !row.followUp.secretHash || !secretMatches(row.followUp.secretHash, parsed.secret)) return null;
  return row;
}

type FoundFollowUp = NonNullable<Awaited<ReturnType<typeof findFollowUp>>>;

function viewOf(row: FoundFollowUp, now: Date): FollowUpView {
  const { followUp } = row;
  return {
    matchId: followUp.matchId,
    months: followUp.months,
    slotTitle: row.slotTitle,
    organizationName: row.organizationName,
    studentFirstName: firstName(row.studentName),
    answer: followUp.answer,
    answeredOrganization: followUp.organizationName,
    openUntil: linkOpenUntil(followUp).toISOString(),
    mayAddOrganization: followUp.answer !== null && takesOrganization(followUp.answer) && !expired(followUp, now),
  };
}

/** "Still searching" has no organization to name. */
const takesOrganization = (answer: FollowUpAnswer) => answer !== "still_searching";

const stateOf = (row: FoundFollowUp, now: Date) => (expired(row.followUp, now) ? "expired" : row.followUp.answer ? "answered" : "open");

/** What a follow-up link shows, without recording anything (a link scanner, a HEAD, a page without an answer). */
export async function readFollowUp(db: Db, token: string, now = new Date()): Promise<FollowUpState> {
  const row = await findFollowUp(db, token);
  if (!row) return { state: "invalid" };
  return { state: stateOf(row, now), view: viewOf(row, now) };
}

export type AnswerFollowUpResult =
  | { state: "invalid" }
  | {
      state: "recorded" | "changed" | "unchanged" | "expired";
      view: FollowUpView;
    };

/**
 * Records a follow-up's answer from its link: the first answer ("recorded"), or another one while
 * the link is open ("changed" — a scanner's click corrected by the person's; the organization is
 * cleared for "still searching"), or the same again ("unchanged"). The first answer's time is
 * kept (answeredAt), so changes do not keep the link open longer. An expired link changes nothing.
 */
export async function answerFollowUp(db: Db, token: string, answer: FollowUpAnswer, now = new Date()): Promise<AnswerFollowUpResult> {
  if (!isIn(FOLLOW_UP_ANSWERS, answer)) return { state: "invalid" };
  return transaction(db, async (tx) => {
    const row = await findFollowUp(tx, token, { lock: true });
    if (!row) return { state: "invalid" as const };
    if (expired(row.followUp, now)) return { state: "expired" as const, view: viewOf(row, now) };
    if (row.followUp.answer === answer) return { state: "unchanged" as const, view: viewOf(row, now) };
    const [updated] = await tx
      .update(followUps)
      .set({
        answer,
        answeredAt: row.followUp.answeredAt ?? now,
        ...(takesOrganization(answer) ? {} : { organizationName: null }),
      })
      .where(eq(followUps.id, row.followUp.id))
      .returning();
    return {
      state: row.followUp.answer ? ("changed" as const) : ("recorded" as const),
      view: viewOf({ ...row, followUp: updated! }, now),
    };
  });
}

/**
 * The optional "at which organization?" after answering, from the same link while it is open
 * (FOLLOW_UP_CHANGE_DAYS after the first answer); not for "still searching".
 */
export async function addFollowUpOrganization(
  db: Db,
  token: string,
  organizationName: string,
  now = new Date(),
): Promise<{ ok: true } | { ok: false; error: "invalid" | "expired" | "no_organization" }> {
  return transaction(db, async (tx) => {
    const row = await findFollowUp(tx, token, { lock: true });
    if (!row) return { ok: false as const, error: "invalid" as const };
    if (expired(row.followUp, now)) return { ok: false as const, error: "expired" as const };
    if (!row.followUp.answer || !takesOrganization(row.followUp.answer)) return { ok: false as const, error: "no_organization" as const };
    await tx.update(followUps).set({ organizationName }).where(eq(followUps.id, row.followUp.id));
    return { ok: true as const };
  });
}

export type ChangeFollowUpResult = { ok: true } | { ok: false; error: "not_allowed" | "not_sent" };

/**
 * The student, signed in on the outcome tab, gives or changes the answer of a follow-up that was
 * sent (any time: the sign-in is the credential, not the link), with the organization or none.
 * Only the match's student.
 */
export async function changeFollowUp(
  db: Db,
  m: Mentorship,
  input: {
    months: 3 | 6;
    answer: FollowUpAnswer;
    organizationName?: string | undefined;
  },
  now = new Date(),
): Promise<ChangeFollowUpResult> {
  if (m.side !== "student" || m.viewerId !== m.student.id) return { ok: false, error: "not_allowed" };
  const organizationName = takesOrganization(input.answer) && input.organizationName ? input.organizationName : null;
  const [updated] = await db
    .update(followUps)
    .set({
      answer: input.answer,
      organizationName,
      answeredAt: sql`coalesce(${followUps.answeredAt}, ${now.toISOString()}::timestamptz)`,
    })
    .where(and(eq(followUps.matchId, m.match.id), eq(followUps.months, input.months)))
    .returning({ id: followUps.id });
  return updated ? { ok: true } : { ok: false, error: "not_sent" };
}
