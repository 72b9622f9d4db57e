import { decodeBase32IgnorePadding, encodeHexLowerCase } from "@oslojs/encoding";
import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import { createElement } from "react";
import { transaction, type Db } from "~db/client.server";
import { matches, matchOutcomes, organizations, outcomeFollowUps as followUps, slots, users } from "~db/schema";
import OutcomeFollowUpEmail, { outcomeFollowUpSubject } from "~emails/outcome-follow-up";
import { generateToken, parseToken, secretMatches } from "~/auth/tokens.server";
import { firstName } from "~/domain/names";
import { FOLLOW_UP_ANSWERS, isIn, SLOT_OFFERS, type RETURN_OFFER_ANSWERS } from "~/domain/vocabulary";
import { absoluteUrl } from "~/env.server";
import type { Mentorship } from "./access.server";
import { FOLLOW_UP_LABELS } from "./outcome-labels";
import type { OutcomeInput } from "./outcome-schemas";
import { remind } from "./remind.server";
import { mayRecordOutcome } from "./rules";
import { FOLLOW_UP_MONTHS } from "./schedule";

// What an internship gave the student (docs/decisions/016-the-mentorship-space.md): the student's
// record at completion — each promise of the slot delivered or not, and the return offer — and
// "where are you now?" 3 and 6 months later, answered with one click from a single-use link.

export type SlotOffer = (typeof SLOT_OFFERS)[number];
export type FollowUpAnswer = (typeof FOLLOW_UP_ANSWERS)[number];
export type ReturnOfferAnswer = (typeof RETURN_OFFER_ANSWERS)[number];

/** A follow-up link's organization may be added this long after the answer, from the same link. */
export const ORGANIZATION_WINDOW_MS = 60 * 60 * 1000;
/** A follow-up whose day passed more than this long ago (the sweep was down, or the feature is new) is not sent late. */
const FOLLOW_UP_LATE_DAYS = 30;

/** What the slot promised, as the outcome asks about it (every slot is mentored, so mentorship is not asked). */
export const promisedBenefits = (offers: readonly string[]): SlotOffer[] => SLOT_OFFERS.filter((offer) => offers.includes(offer));

export type OutcomePage = {
  promised: SlotOffer[];
  mayRecord: boolean;
  outcome: {
    delivered: Partial<Record<SlotOffer, boolean>>;
    returnOffer: ReturnOfferAnswer;
    /** null when the student's account is gone (the match goes with it, so in practice always a name). */
    recordedByName: string | null;
    recordedAt: string;
    updatedAt: string;
  } | null;
  followUps: { months: number; sentAt: string; answer: FollowUpAnswer | null; organizationName: string | null; answeredAt: string | null }[];
};

/** The outcome of a match and its follow-ups, for the student, the slot's mentors and admins alike. */
export async function getOutcomePage(db: Db, m: Mentorship): Promise<OutcomePage> {
  const [row] = await db
    .select({ outcome: matchOutcomes, recordedByName: users.name })
    .from(matchOutcomes)
    .leftJoin(users, eq(users.id, matchOutcomes.recordedBy))
    .where(eq(matchOutcomes.matchId, m.match.id));
  const answers = await db
    .select({ months: followUps.months, sentAt: followUps.sentAt, answer: followUps.answer, organizationName: followUps.organizationName, answeredAt: followUps.answeredAt })
    .from(followUps)
    .where(eq(followUps.matchId, m.match.id))
    .orderBy(asc(followUps.months));
  return {
    promised: promisedBenefits(m.slot.offers),
    mayRecord: mayRecordOutcome({ side: m.side, status: m.match.status }),
    outcome: row
      ? {
          delivered: row.outcome.benefits as Partial<Record<SlotOffer, boolean>>,
          returnOffer: row.outcome.returnOffer,
          recordedByName: row.recordedByName,
          recordedAt: row.outcome.recordedAt.toISOString(),
          updatedAt: row.outcome.updatedAt.toISOString(),
        }
      : null,
    followUps: answers.map((f) => ({ ...f, sentAt: f.sentAt.toISOString(), answeredAt: f.answeredAt?.toISOString() ?? null })),
  };
}

export type RecordOutcomeResult = { ok: true } | { ok: false; error: "not_allowed" } | { ok: false; error: "missing"; benefits: SlotOffer[] };

/**
 * The student records (or later corrects) what the completed internship gave them: every benefit
 * the slot promised, delivered or not — no more, no fewer — and the return offer.
 */
export async function recordOutcome(db: Db, m: Mentorship, input: OutcomeInput, now = new Date()): Promise<RecordOutcomeResult> {
  if (!mayRecordOutcome({ side: m.side, status: m.match.status })) return { ok: false, error: "not_allowed" };
  const promised = promisedBenefits(m.slot.offers);
  const missing = promised.filter((offer) => !input.delivered[offer]);
  if (missing.length) return { ok: false, error: "missing", benefits: missing };
  const benefits = Object.fromEntries(promised.map((offer) => [offer, input.delivered[offer] === "yes"]));
  await db
    .insert(matchOutcomes)
    .values({ matchId: m.match.id, benefits, returnOffer: input.returnOffer, recordedBy: m.viewerId, recordedAt: now, updatedAt: now })
    .onConflictDoUpdate({ target: matchOutcomes.matchId, set: { benefits, returnOffer: input.returnOffer, recordedBy: m.viewerId, updatedAt: now } });
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
 * Creates the `months` follow-up of a match with a fresh single-use link, or null when it exists
 * already (one per match and months). Returns the token for the email's links; only its hash is kept.
 */
export async function createFollowUp(tx: Db, matchId: string, months: (typeof FOLLOW_UP_MONTHS)[number], now: Date): Promise<{ id: string; token: string } | null> {
  const { id: tokenId, token, secretHash } = generateToken();
  const [row] = await tx
    .insert(followUps)
    .values({ id: followUpIdOf(tokenId), matchId, months, secretHash, sentAt: now })
    .onConflictDoNothing()
    .returning({ id: followUps.id });
  return row ? { id: row.id, token } : null;
}

/** The four one-click answers of a follow-up link. */
export function followUpLinks(token: string) {
  return FOLLOW_UP_ANSWERS.map((answer) => ({ answer, label: FOLLOW_UP_LABELS[answer], url: absoluteUrl(`/follow-up/${token}?answer=${answer}`) }));
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
    .where(and(eq(matches.status, "completed"), isNotNull(matches.completedAt), sql`${matches.completedAt} between ${earliest.toISOString()} and ${latest.toISOString()}`));
  let count = 0;
  for (const row of rows) {
    const due = FOLLOW_UP_MONTHS.filter((months) => monthsAfter(row.completedAt!, months) <= now).at(-1);
    if (!due) continue;
    if (now.getTime() - monthsAfter(row.completedAt!, due).getTime() > FOLLOW_UP_LATE_DAYS * 86_400_000) continue;
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
          }),
        }),
      });
      return result !== "already";
    });
    if (sent) count++;
  }
  return count;
}

export type FollowUpView = {
  months: number;
  slotTitle: string;
  organizationName: string;
  studentFirstName: string;
  answer: FollowUpAnswer | null;
  answeredOrganization: string | null;
  /** Whether the "at which organization?" form is still taken (within the hour after answering). */
  mayAddOrganization: boolean;
};

export type FollowUpState = { state: "invalid" } | { state: "open" | "answered"; view: FollowUpView };

async function findFollowUp(db: Db, token: string, { lock = false } = {}) {
  const parsed = parseToken(token);
  if (!parsed) return null;
  const query = db
    .select({ followUp: followUps, slotTitle: slots.title, organizationName: organizations.name, studentName: users.name })
    .from(followUps)
    .innerJoin(matches, eq(matches.id, followUps.matchId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .innerJoin(users, eq(users.id, matches.studentId))
    .where(eq(followUps.id, followUpIdOf(parsed.id)));
  const [row] = lock ? await query.for("update", { of: followUps }) : await query;
  if (!row) return null;
  // A used link (its hash cleared) still names its row; an unused one must carry its secret.
  if (row.followUp.secretHash && !secretMatches(row.followUp.secretHash, parsed.secret)) return null;
  return row;
}

function viewOf(row: NonNullable<Awaited<ReturnType<typeof findFollowUp>>>, now: Date): FollowUpView {
  const { followUp } = row;
  return {
    months: followUp.months,
    slotTitle: row.slotTitle,
    organizationName: row.organizationName,
    studentFirstName: firstName(row.studentName),
    answer: followUp.answer,
    answeredOrganization: followUp.organizationName,
    mayAddOrganization: mayAddOrganization(followUp, now),
  };
}

const mayAddOrganization = (followUp: { answer: FollowUpAnswer | null; answeredAt: Date | null }, now: Date) =>
  followUp.answer !== null && followUp.answer !== "still_searching" && followUp.answeredAt !== null && now.getTime() - followUp.answeredAt.getTime() <= ORGANIZATION_WINDOW_MS;

/** What a follow-up link shows, without recording anything (a link scanner, a HEAD, a page without an answer). */
export async function readFollowUp(db: Db, token: string, now = new Date()): Promise<FollowUpState> {
  const row = await findFollowUp(db, token);
  if (!row) return { state: "invalid" };
  return { state: row.followUp.answer ? "answered" : "open", view: viewOf(row, now) };
}

/**
 * Records a follow-up's answer once: the link's secret hash is cleared with it, so a second use
 * only shows the answer recorded. "recorded" is this request's doing; "answered", an earlier one's.
 */
export async function answerFollowUp(db: Db, token: string, answer: FollowUpAnswer, now = new Date()): Promise<{ state: "invalid" } | { state: "recorded" | "answered"; view: FollowUpView }> {
  if (!isIn(FOLLOW_UP_ANSWERS, answer)) return { state: "invalid" };
  return transaction(db, async (tx) => {
    const row = await findFollowUp(tx, token, { lock: true });
    if (!row) return { state: "invalid" as const };
    if (row.followUp.answer) return { state: "answered" as const, view: viewOf(row, now) };
    const [updated] = await tx
      .update(followUps)
      .set({ answer, answeredAt: now, secretHash: null })
      .where(eq(followUps.id, row.followUp.id))
      .returning();
    return { state: "recorded" as const, view: viewOf({ ...row, followUp: updated! }, now) };
  });
}

/**
 * The optional "at which organization?" after answering: taken from the same link within the
 * hour after the answer (the link's secret is spent by then; its id still names the row), and
 * not for "still searching".
 */
export async function addFollowUpOrganization(db: Db, token: string, organizationName: string, now = new Date()): Promise<{ ok: true } | { ok: false; error: "invalid" | "too_late" }> {
  return transaction(db, async (tx) => {
    const row = await findFollowUp(tx, token, { lock: true });
    if (!row || !row.followUp.answer) return { ok: false as const, error: "invalid" as const };
    if (!mayAddOrganization(row.followUp, now)) return { ok: false as const, error: "too_late" as const };
    await tx.update(followUps).set({ organizationName }).where(eq(followUps.id, row.followUp.id));
    return { ok: true as const };
  });
}
