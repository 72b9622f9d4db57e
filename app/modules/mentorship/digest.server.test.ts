import { eq } from "drizzle-orm";
import { createElement } from "react";
import { describe, expect, test } from "vitest";
import { emailPreferences, reminders, type User } from "~db/schema";
import { transaction } from "~db/client.server";
import { emailsTo, makeUser } from "~db/test/factories";
import { moduleTestDb } from "~db/test/module-db";
import { digestTimeOf, sendDigests } from "./digest.server";
import { getEmailCadence, setEmailCadence } from "./email-preferences.server";
import { remind } from "./remind.server";
import { DIGEST_HOUR_UTC, DIGEST_WEEKDAY } from "./schedule";

const db = moduleTestDb({ queue: true });

const DAY = 24 * 60 * 60 * 1000;
const MINUTE = 60_000;

/** The first digest time after `after`. */
const nextDigestTime = (after: Date) => new Date(digestTimeOf(after).getTime() + 7 * DAY);

let events = 0;
/** A reminder for `user` through remind() at `now`, as the sweep writes one. */
function remindOf(user: Pick<User, "id" | "email">, summary: string, now = new Date()) {
  const n = ++events;
  return transaction(db, (tx) =>
    remind(tx, {
      kind: "check_in_due",
      eventKey: `digest-test:${n}`,
      user,
      matchId: null,
      summary,
      url: `http://localhost:3000/reminder/${n}`,
      email: () => ({ template: "check-in-due", subject: `Reminder ${n}`, body: createElement("p", null, summary) }),
    }, now),
  );
}

describe("the weekly digest's time", () => {
  test("it is the last Monday at the digest hour (UTC) at or before now", () => {
    expect(DIGEST_WEEKDAY).toBe(1);
    const monday = (d: string, h: number, m = 0) => new Date(`${d}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00Z`);
    // 2026-11-30 is a Monday.
    expect(digestTimeOf(monday("2026-11-30", DIGEST_HOUR_UTC))).toEqual(monday("2026-11-30", DIGEST_HOUR_UTC));
    expect(digestTimeOf(monday("2026-11-30", DIGEST_HOUR_UTC - 1, 59))).toEqual(monday("2026-11-23", DIGEST_HOUR_UTC));
    expect(digestTimeOf(monday("2026-12-06", 23, 59))).toEqual(monday("2026-11-30", DIGEST_HOUR_UTC));
    expect(digestTimeOf(monday("2026-12-01", 0))).toEqual(monday("2026-11-30", DIGEST_HOUR_UTC));
  });
});

describe("choosing each email or the weekly digest", () => {
  test("without a choice a person takes each email; the choice is saved, and remind() holds their reminders for the digest", async () => {
    const user = await makeUser(db);
    expect(await getEmailCadence(db, user.id)).toBe("each");
    await setEmailCadence(db, { userId: user.id, cadence: "weekly_digest", now: new Date() });
    expect(await getEmailCadence(db, user.id)).toBe("weekly_digest");
    expect(await remindOf(user, "Held for Monday.")).toBe("in_digest");
    expect(await emailsTo(db, user.email)).toHaveLength(0);

    await setEmailCadence(db, { userId: user.id, cadence: "each", now: new Date() });
    expect(await getEmailCadence(db, user.id)).toBe("each");
    expect(await remindOf(user, "Sent now.")).toBe("sent");
    expect((await emailsTo(db, user.email)).map((e) => e.subject)).toHaveLength(1);
  });
});

describe("sending the digest", () => {
  test("nothing before the digest hour; one email with every waiting reminder after it; nothing more when run again; nothing for a person with none waiting", async () => {
    // why: other files' reminders may wait in the shared database; a digest far ahead sends them first, so the counts below are this test's.
    await sendDigests(db, new Date(Date.now() + 400 * DAY));

    const weekly = await makeUser(db, { name: "Amara Okafor" });
    const idle = await makeUser(db);
    const each = await makeUser(db);
    await setEmailCadence(db, { userId: weekly.id, cadence: "weekly_digest", now: new Date() });
    await setEmailCadence(db, { userId: idle.id, cadence: "weekly_digest", now: new Date() });
    await remindOf(weekly, "Your check-in for week 3 is due.");
    await remindOf(weekly, "The midpoint feedback is open.");
    await remindOf(each, "Sent at once, never digested.");

    const digestTime = nextDigestTime(new Date());
    expect(await sendDigests(db, new Date(digestTime.getTime() - MINUTE))).toBe(0);
    expect(await emailsTo(db, weekly.email)).toHaveLength(0);

    expect(await sendDigests(db, new Date(digestTime.getTime() + 5 * MINUTE))).toBe(1);
    const [digest, ...more] = await emailsTo(db, weekly.email);
    expect(more).toHaveLength(0);
    expect(digest!.subject).toBe("Your weekly Steppingstone digest: 2 reminders");
    expect(digest!.text).toContain("Your check-in for week 3 is due.");
    expect(digest!.text).toContain("The midpoint feedback is open.");
    expect(digest!.text).toMatch(/http:\/\/localhost:3000\/reminder\/\d+/);
    const rows = await db.select({ state: reminders.state, emailId: reminders.emailId }).from(reminders).where(eq(reminders.userId, weekly.id));
    expect(rows).toEqual([
      { state: "digested", emailId: digest!.id },
      { state: "digested", emailId: digest!.id },
    ]);

    // Again, an hour later, the same day: nothing.
    expect(await sendDigests(db, new Date(digestTime.getTime() + 5 * MINUTE))).toBe(0);
    expect(await sendDigests(db, new Date(digestTime.getTime() + 60 * MINUTE))).toBe(0);
    expect(await emailsTo(db, weekly.email)).toHaveLength(1);
    expect(await emailsTo(db, idle.email)).toHaveLength(0);
    expect(await emailsTo(db, each.email)).toHaveLength(1);
    const [preference] = await db.select({ lastDigestAt: emailPreferences.lastDigestAt }).from(emailPreferences).where(eq(emailPreferences.userId, weekly.id));
    expect(preference!.lastDigestAt).toEqual(new Date(digestTime.getTime() + 5 * MINUTE));
  });

  test("a reminder due after this week's digest waits for next week's", async () => {
    await sendDigests(db, new Date(Date.now() + 400 * DAY));
    const weekly = await makeUser(db);
    await setEmailCadence(db, { userId: weekly.id, cadence: "weekly_digest", now: new Date() });
    await remindOf(weekly, "Written after Monday's digest.");
    // The digest time before the reminder was written has passed: the reminder is not yet a week's worth.
    const now = new Date();
    expect(await sendDigests(db, now)).toBe(0);
    const next = nextDigestTime(now);
    expect(await sendDigests(db, new Date(next.getTime() + MINUTE))).toBe(1);
    expect((await emailsTo(db, weekly.email)).map((e) => e.subject)).toEqual(["Your weekly Steppingstone digest: 1 reminder"]);
  });

  test("the driven clock decides, not the database's: with a clock months before the real one, a reminder held on Tuesday goes in the next Monday's digest, not before", async () => {
    const weekly = await makeUser(db);
    await setEmailCadence(db, { userId: weekly.id, cadence: "weekly_digest", now: new Date("2026-06-01T12:00:00Z") });
    // A Tuesday in June 2026; the digests around it are Monday 1 and Monday 8 June.
    const tuesday = new Date("2026-06-02T12:00:00Z");
    expect(await remindOf(weekly, "Held in June.", tuesday)).toBe("in_digest");
    const [row] = await db.select({ createdAt: reminders.createdAt }).from(reminders).where(eq(reminders.userId, weekly.id));
    expect(row!.createdAt).toEqual(tuesday);

    const nextMonday = nextDigestTime(tuesday);
    expect(nextMonday).toEqual(new Date(`2026-06-08T${String(DIGEST_HOUR_UTC).padStart(2, "0")}:00:00Z`));
    await sendDigests(db, new Date(tuesday.getTime() + DAY));
    expect(await emailsTo(db, weekly.email)).toHaveLength(0);
    await sendDigests(db, new Date(nextMonday.getTime() + MINUTE));
    expect((await emailsTo(db, weekly.email)).map((e) => e.subject)).toEqual(["Your weekly Steppingstone digest: 1 reminder"]);
  });
});
