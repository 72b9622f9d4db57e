import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { matchOutcomes, outcomeFollowUps, reminders } from "~db/schema";
import { emailsTo, makeUser } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { dayIn } from "~/modules/slots/access.server";
import { findMentorship, type Mentorship } from "./access.server";
import { OutcomeSchema } from "./outcome-schemas";
import { FollowUpChangeSchema, OutcomeActionSchema } from "./outcome-actions";
import {
  addFollowUpOrganization,
  answerFollowUp,
  changeFollowUp,
  createFollowUp,
  FOLLOW_UP_CHANGE_DAYS,
  FOLLOW_UP_LINK_DAYS,
  isPersonsClick,
  followUpIdOf,
  getOutcomePage,
  monthsAfter,
  outcomeFollowUps as sweep,
  readFollowUp,
  recordOutcome,
} from "./outcomes.server";
import { addDays } from "./weeks";

const db = moduleTestDb({ queue: true });

const NOW = new Date(`${new Date().toISOString().slice(0, 10)}T17:00:00Z`);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A completed 12-week internship that promised a letter, a referral and a portfolio project, completed at `completedAt`. */
async function completed({ completedAt = NOW, status = "completed" as const } = {}) {
  const made = await makeMentorship(db, {
    status,
    startedDaysAgo: 90,
    today: NOW,
    slot: {
      offers: ["recommendation_letter", "referral", "portfolio_project"],
      applicationDeadline: addDays(dayIn("America/New_York", NOW), -100),
    },
    match: { completedAt: status === "completed" ? completedAt : null },
  });
  const view = async (user: { id: string; role: "student" | "mentor" | "admin" }) =>
    (await findMentorship(db, { id: user.id, role: user.role }, made.match.id, {
      now: NOW,
    })) as Mentorship;
  return { ...made, view };
}

const OUTCOME = OutcomeSchema.parse({
  delivered: {
    recommendation_letter: "yes",
    referral: "no",
    portfolio_project: "yes",
  },
  returnOffer: "pending",
});

describe("the outcome at completion", () => {
  test("the student records each promise delivered or not and the return offer; mentors and admins read it; the student corrects it later", async () => {
    const { student, mentor, match, view } = await completed();
    expect(await recordOutcome(db, await view(student), OUTCOME, NOW)).toEqual({
      ok: true,
    });
    const [row] = await db.select().from(matchOutcomes).where(eq(matchOutcomes.matchId, match.id));
    expect(row!.benefits).toEqual({
      recommendation_letter: true,
      referral: false,
      portfolio_project: true,
    });
    expect(row!.returnOffer).toBe("pending");

    const admin = await makeUser(db, { role: "admin" });
    for (const reader of [mentor, admin]) {
      const page = await getOutcomePage(db, await view(reader));
      expect(page.mayRecord).toBe(false);
      expect(page.outcome).toMatchObject({
        delivered: { referral: false },
        returnOffer: "pending",
      });
    }

    expect(await recordOutcome(db, await view(student), { ...OUTCOME, returnOffer: "yes" }, new Date(NOW.getTime() + HOUR))).toEqual({ ok: true });
    const page = await getOutcomePage(db, await view(student));
    expect(page.outcome!.returnOffer).toBe("yes");
    expect(page.outcome!.recordedAt).toBe(NOW.toISOString());
    expect(page.promised).toEqual(["recommendation_letter", "referral", "portfolio_project"]);
  });

  test("every promise needs an answer, and a benefit the slot never promised is not recorded", async () => {
    const { student, match, view } = await completed();
    const partial = OutcomeSchema.parse({
      delivered: { recommendation_letter: "yes", return_offer: "yes" },
      returnOffer: "no",
    });
    expect(await recordOutcome(db, await view(student), partial, NOW)).toEqual({
      ok: false,
      error: "missing",
      benefits: ["referral", "portfolio_project"],
    });
    expect(await db.select().from(matchOutcomes).where(eq(matchOutcomes.matchId, match.id))).toEqual([]);
    await recordOutcome(db, await view(student), { ...OUTCOME, delivered: { ...OUTCOME.delivered, return_offer: "yes" } }, NOW);
    const [row] = await db.select().from(matchOutcomes).where(eq(matchOutcomes.matchId, match.id));
    expect(Object.keys(row!.benefits).sort()).toEqual(["portfolio_project", "recommendation_letter", "referral"]);
  });

  test("only the student, only once completed", async () => {
    const done = await completed();
    expect(await recordOutcome(db, await done.view(done.mentor), OUTCOME, NOW)).toEqual({ ok: false, error: "not_allowed" });
    const active = await completed({ status: "active" as never });
    expect(await recordOutcome(db, await active.view(active.student), OUTCOME, NOW)).toEqual({ ok: false, error: "not_allowed" });
    expect((await getOutcomePage(db, await active.view(active.student))).mayRecord).toBe(false);
  });
});

describe("the follow-up links", () => {
  test("a token's id names its row: the same id always, a different one for another token", () => {
    expect(followUpIdOf("vsbltf72rwyufq6src23ytse")).toBe(followUpIdOf("vsbltf72rwyufq6src23ytse"));
    expect(followUpIdOf("vsbltf72rwyufq6src23ytse")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(followUpIdOf("vsbltf72rwyufq6src23ytse")).not.toBe(followUpIdOf("vsbltf72rwyufq6src23ytsf"));
  });

  test("the first click records the answer and keeps the secret's hash; a click on another answer changes it; the same one changes nothing", async () => {
    const { match } = await completed();
    const { id, token } = (await createFollowUp(db, match.id, 3, NOW))!;
    const [stored] = await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, id));
    expect(stored!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(token).not.toContain(stored!.secretHash!);

    expect(await readFollowUp(db, token, NOW)).toMatchObject({
      state: "open",
      view: { months: 3, answer: null, matchId: match.id },
    });
    // A scanner's click (say) records the first answer...
    expect(await answerFollowUp(db, token, "paid_internship", NOW)).toMatchObject({
      state: "recorded",
      view: { answer: "paid_internship", mayAddOrganization: true },
    });
    const [used] = await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, id));
    expect(used).toMatchObject({
      secretHash: stored!.secretHash,
      answer: "paid_internship",
      answeredAt: NOW,
    });

    // ...and the person's own click a day later corrects it; the first answer's time stays.
    const dayLater = new Date(NOW.getTime() + DAY);
    expect(await answerFollowUp(db, token, "studying", dayLater)).toMatchObject({ state: "changed", view: { answer: "studying" } });
    expect(await answerFollowUp(db, token, "studying", dayLater)).toMatchObject({ state: "unchanged", view: { answer: "studying" } });
    expect((await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, id)))[0]).toMatchObject({ answer: "studying", answeredAt: NOW });
    expect(await readFollowUp(db, token, dayLater)).toMatchObject({
      state: "answered",
      view: {
        answer: "studying",
        openUntil: new Date(NOW.getTime() + 7 * DAY).toISOString(),
      },
    });
    // The same follow-up is not made twice.
    expect(await createFollowUp(db, match.id, 3, NOW)).toBeNull();
  });

  test("7 days after the first answer the link has expired and changes nothing; unanswered, it expires 30 days after sending", async () => {
    const { match } = await completed();
    const { id, token } = (await createFollowUp(db, match.id, 3, NOW))!;
    await answerFollowUp(db, token, "paid_internship", NOW);
    const lastMoment = new Date(NOW.getTime() + FOLLOW_UP_CHANGE_DAYS * DAY);
    expect(await answerFollowUp(db, token, "full_time_offer", lastMoment)).toMatchObject({ state: "changed" });
    const after = new Date(lastMoment.getTime() + 1000);
    expect(await answerFollowUp(db, token, "studying", after)).toMatchObject({
      state: "expired",
      view: { answer: "full_time_offer" },
    });
    expect(await readFollowUp(db, token, after)).toMatchObject({
      state: "expired",
    });
    expect(await addFollowUpOrganization(db, token, "Shopify", after)).toEqual({
      ok: false,
      error: "expired",
    });
    expect((await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, id)))[0]).toMatchObject({
      answer: "full_time_offer",
      organizationName: null,
    });

    const other = await completed();
    const unanswered = (await createFollowUp(db, other.match.id, 6, NOW))!;
    expect(await readFollowUp(db, unanswered.token, new Date(NOW.getTime() + FOLLOW_UP_LINK_DAYS * DAY))).toMatchObject({ state: "open" });
    const late = new Date(NOW.getTime() + FOLLOW_UP_LINK_DAYS * DAY + 1000);
    expect(await readFollowUp(db, unanswered.token, late)).toMatchObject({
      state: "expired",
    });
    expect(await answerFollowUp(db, unanswered.token, "studying", late)).toMatchObject({ state: "expired" });
    expect((await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, unanswered.id)))[0]).toMatchObject({ answer: null, answeredAt: null });
  });

  test("a token with the right id and a wrong secret is not valid, before and after the answer, and changes nothing", async () => {
    const { match } = await completed();
    const { id, token } = (await createFollowUp(db, match.id, 3, NOW))!;
    const [tokenId, secret] = token.split(".");
    const wrongSecret = `${tokenId}.${secret!.slice(0, -1)}${secret!.endsWith("a") ? "b" : "a"}`;
    const otherSecret = `${tokenId}.${"a".repeat(52)}`;
    for (const bad of [wrongSecret, otherSecret]) {
      expect(await readFollowUp(db, bad, NOW)).toEqual({ state: "invalid" });
      expect(await answerFollowUp(db, bad, "studying", NOW)).toEqual({
        state: "invalid",
      });
    }
    await answerFollowUp(db, token, "full_time_offer", NOW);
    for (const bad of [wrongSecret, otherSecret]) {
      expect(await readFollowUp(db, bad, NOW)).toEqual({ state: "invalid" });
      expect(await answerFollowUp(db, bad, "studying", NOW)).toEqual({
        state: "invalid",
      });
      expect(await addFollowUpOrganization(db, bad, "Mallory Inc", NOW)).toEqual({ ok: false, error: "invalid" });
    }
    expect((await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, id)))[0]).toMatchObject({
      answer: "full_time_offer",
      organizationName: null,
    });
    expect(await readFollowUp(db, token, NOW)).toMatchObject({
      state: "answered",
      view: { answer: "full_time_offer" },
    });
  });

  test("an unknown, garbled or wrong-secret token is not valid, and records nothing", async () => {
    const { match } = await completed();
    const { id, token } = (await createFollowUp(db, match.id, 3, NOW))!;
    const [tokenId, secret] = token.split(".");
    const wrongSecret = `${tokenId}.${secret!.slice(0, -1)}${secret!.endsWith("a") ? "b" : "a"}`;
    for (const bad of [
      "",
      "nonsense",
      `${tokenId}`,
      `${tokenId}.${secret}.x`,
      wrongSecret,
      `${"a".repeat(24)}.${secret}`,
      "../../etc/passwd",
      `${token.toUpperCase()}`,
    ]) {
      expect(await readFollowUp(db, bad, NOW)).toEqual({ state: "invalid" });
      expect(await answerFollowUp(db, bad, "studying", NOW)).toEqual({
        state: "invalid",
      });
      expect(await addFollowUpOrganization(db, bad, "Shopify", NOW)).toEqual({
        ok: false,
        error: "invalid",
      });
    }
    expect(await answerFollowUp(db, token, "nonsense" as never, NOW)).toEqual({
      state: "invalid",
    });
    expect((await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, id)))[0]).toMatchObject({ answer: null, secretHash: expect.any(String) });
  });

  test("a used link whose hash an earlier version cleared takes no token", async () => {
    const { match } = await completed();
    const { id, token } = (await createFollowUp(db, match.id, 3, NOW))!;
    await answerFollowUp(db, token, "paid_internship", NOW);
    await db.update(outcomeFollowUps).set({ secretHash: null }).where(eq(outcomeFollowUps.id, id));
    expect(await readFollowUp(db, token, NOW)).toEqual({ state: "invalid" });
    expect(await addFollowUpOrganization(db, token, "Shopify", NOW)).toEqual({
      ok: false,
      error: "invalid",
    });
  });

  test("the organization is taken from the same link once answered and while it is open; not for “still searching”, which clears it", async () => {
    const { match } = await completed();
    const { id, token } = (await createFollowUp(db, match.id, 3, NOW))!;
    expect(await addFollowUpOrganization(db, token, "Shopify", NOW)).toEqual({
      ok: false,
      error: "no_organization",
    });
    await answerFollowUp(db, token, "full_time_offer", NOW);
    expect(await addFollowUpOrganization(db, token, "Shopify", new Date(NOW.getTime() + 6 * DAY))).toEqual({ ok: true });
    expect((await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, id)))[0]!.organizationName).toBe("Shopify");
    await answerFollowUp(db, token, "still_searching", new Date(NOW.getTime() + 6 * DAY));
    expect((await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, id)))[0]).toMatchObject({
      answer: "still_searching",
      organizationName: null,
    });
    expect(await addFollowUpOrganization(db, token, "Spotify", new Date(NOW.getTime() + 6 * DAY))).toEqual({ ok: false, error: "no_organization" });
  });

  test("the student and admins read the follow-ups on the outcome page; a mentor's page data has no answer and no organization", async () => {
    const { match, student, mentor, view } = await completed();
    const { token } = (await createFollowUp(db, match.id, 3, NOW))!;
    await answerFollowUp(db, token, "paid_internship", NOW);
    await addFollowUpOrganization(db, token, "Shopify", NOW);
    await createFollowUp(db, match.id, 6, NOW);
    const admin = await makeUser(db, { role: "admin" });
    for (const reader of [student, admin]) {
      const page = await getOutcomePage(db, await view(reader));
      expect(page.followUps).toMatchObject([
        { months: 3, answer: "paid_internship", organizationName: "Shopify" },
        { months: 6, answer: null },
      ]);
      expect(page.mayAnswerFollowUps).toBe(reader === student);
    }
    const mentorsPage = await getOutcomePage(db, await view(mentor));
    expect(mentorsPage.followUps).toBeNull();
    expect(mentorsPage.mayAnswerFollowUps).toBe(false);
    const serialized = JSON.stringify(mentorsPage);
    expect(serialized).not.toContain("Shopify");
    expect(serialized).not.toContain("paid_internship");
  });

  test("signed in, the student gives or changes a sent follow-up's answer from the outcome page; not a mentor or an admin, not an unsent one", async () => {
    const { match, student, mentor, view } = await completed();
    const { id, token } = (await createFollowUp(db, match.id, 3, NOW))!;
    const later = new Date(NOW.getTime() + 40 * DAY);
    const change = FollowUpChangeSchema.parse({
      intent: "follow_up",
      months: "3",
      answer: "full_time_offer",
      organizationName: "Shopify",
    });
    expect(change.months).toBe(3);
    expect(await changeFollowUp(db, await view(student), change, later)).toEqual({ ok: true });
    expect((await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, id)))[0]).toMatchObject({
      answer: "full_time_offer",
      organizationName: "Shopify",
      answeredAt: later,
    });
    // A later change keeps the first answer's time; "still searching" names no organization.
    expect(
      await changeFollowUp(db, await view(student), { months: 3, answer: "still_searching", organizationName: "Shopify" }, new Date(later.getTime() + DAY)),
    ).toEqual({ ok: true });
    expect((await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.id, id)))[0]).toMatchObject({
      answer: "still_searching",
      organizationName: null,
      answeredAt: later,
    });
    // The link itself stays expired (30 days after sending, and 7 after the first answer).
    expect(await answerFollowUp(db, token, "studying", new Date(later.getTime() + 8 * DAY))).toMatchObject({ state: "expired" });

    const admin = await makeUser(db, { role: "admin" });
    for (const other of [mentor, admin]) {
      expect(await changeFollowUp(db, await view(other), { months: 3, answer: "studying" }, later)).toEqual({ ok: false, error: "not_allowed" });
    }
    expect(await changeFollowUp(db, await view(student), { months: 6, answer: "studying" }, later)).toEqual({ ok: false, error: "not_sent" });
    expect((await db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.matchId, match.id))).map((f) => [f.months, f.answer])).toEqual([
      [3, "still_searching"],
    ]);

    // Another match's student cannot reach this one: findMentorship is null (a 404).
    const other = await completed();
    expect(await findMentorship(db, { id: other.student.id, role: "student" }, match.id, { now: NOW })).toBeNull();
  });

  test("the outcome tab's schema tells its two forms apart and refuses an unknown button or months", () => {
    expect(
      OutcomeActionSchema.safeParse({
        intent: "follow_up",
        months: "3",
        answer: "studying",
      }).success,
    ).toBe(true);
    expect(
      OutcomeActionSchema.safeParse({
        intent: "follow_up",
        months: "4",
        answer: "studying",
      }).success,
    ).toBe(false);
    expect(
      OutcomeActionSchema.safeParse({
        intent: "follow_up",
        months: "6",
        answer: "retired",
      }).success,
    ).toBe(false);
    expect(OutcomeActionSchema.safeParse({ intent: "outcome", returnOffer: "no" }).success).toBe(true);
    expect(OutcomeActionSchema.safeParse({ returnOffer: "no" }).success).toBe(false);
  });
});

describe("who clicked", () => {
  const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
  test("a GET from a browser is a person's click; no user agent, an empty one, a known bot or a HEAD is not", () => {
    expect(isPersonsClick("GET", CHROME)).toBe(true);
    expect(isPersonsClick("GET", "")).toBe(false);
    expect(isPersonsClick("GET", "   ")).toBe(false);
    expect(isPersonsClick("GET", null)).toBe(false);
    expect(isPersonsClick("GET", undefined)).toBe(false);
    expect(isPersonsClick("GET", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")).toBe(false);
    expect(isPersonsClick("HEAD", CHROME)).toBe(false);
  });
});

describe("the follow-up sweep", () => {
  const followUpsOf = (matchId: string) => db.select().from(outcomeFollowUps).where(eq(outcomeFollowUps.matchId, matchId));

  test("3 months after completion: one email with four one-click links, whatever reruns; 6 months: the second; not before", async () => {
    const { match, student } = await completed({ completedAt: NOW });
    await sweep(db, new Date(monthsAfter(NOW, 3).getTime() - 1000));
    expect(await followUpsOf(match.id)).toEqual([]);
    expect(await emailsTo(db, student.email)).toEqual([]);

    const threeMonths = monthsAfter(NOW, 3);
    await sweep(db, threeMonths);
    await sweep(db, new Date(threeMonths.getTime() + HOUR));
    const sent = await emailsTo(db, student.email);
    expect(sent.map((e) => e.subject)).toEqual(["Where are you now? 3 months after your internship"]);
    const [row] = await followUpsOf(match.id);
    expect(row).toMatchObject({ months: 3, answer: null });
    const ledger = await db.select().from(reminders).where(eq(reminders.matchId, match.id));
    expect(ledger).toEqual([expect.objectContaining({ kind: "outcome_follow_up", state: "sent" })]);
    // The ledger keeps no link that carries the secret.
    expect(ledger[0]!.url).not.toContain("/follow-up/");

    // Four links, one per answer, all of one token.
    const links = [...sent[0]!.text!.matchAll(/\/follow-up\/([a-z2-7]{24}\.[a-z2-7]{52})\?answer=([a-z_]+)/g)];
    expect(new Set(links.map((l) => l[2]))).toEqual(new Set(["paid_internship", "full_time_offer", "still_searching", "studying"]));
    expect(new Set(links.map((l) => l[1])).size).toBe(1);
    expect(await answerFollowUp(db, links[0]![1]!, "studying", threeMonths)).toMatchObject({ state: "recorded" });

    await sweep(db, monthsAfter(NOW, 6));
    await sweep(db, monthsAfter(NOW, 6));
    expect((await emailsTo(db, student.email)).map((e) => e.subject)).toEqual([
      "Where are you now? 3 months after your internship",
      "Where are you now? 6 months after your internship",
    ]);
    expect((await followUpsOf(match.id)).map((f) => f.months).sort()).toEqual([3, 6]);
  });

  test("a follow-up more than a month late is not sent, and a match completed long ago gets only the latest", async () => {
    const late = await completed({ completedAt: monthsAfter(NOW, -4) });
    await sweep(db, NOW);
    expect(await followUpsOf(late.match.id)).toEqual([]);
    const sixDue = await completed({
      completedAt: new Date(monthsAfter(NOW, -6).getTime() - 2 * HOUR),
    });
    await sweep(db, NOW);
    expect((await followUpsOf(sixDue.match.id)).map((f) => f.months)).toEqual([6]);
  });

  test("a match not completed gets no follow-up", async () => {
    const active = await completed({ status: "active" as never });
    await sweep(db, monthsAfter(NOW, 3));
    expect(await followUpsOf(active.match.id)).toEqual([]);
  });
});
