import { and, eq, sql } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { emails, matchMessages, organizationMembers, slotMentors, users } from "~db/schema";
import { emailsTo, makeUser } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { findMentorship } from "./access.server";
import { setEmailCadence } from "./email-preferences.server";
import { FORMER_MENTOR } from "~/domain/names";
import { listMessages, postMessage, sendMessageBatches } from "./messages.server";
import { MESSAGE_EMAIL_GAP_MINUTES } from "./schedule";

const db = moduleTestDb({ queue: true });

const GAP = MESSAGE_EMAIL_GAP_MINUTES;

// why: the sweep reads every match's thread in the shared test database. Each test runs its
// clock in an era of its own, weeks from the others' (past the sweep's look-back, and the sweep
// counts no message written after its `now`), so one test's waiting messages never reach another's count.
let eras = 0;
function clock() {
  const start = Date.UTC(2025, 0, 6, 15) + eras++ * 30 * 24 * 60 * 60_000;
  return { T: new Date(start), minutes: (n: number) => new Date(start + n * 60_000) };
}

const named = async (user: { id: string }, name: string) => {
  await db.update(users).set({ name }).where(eq(users.id, user.id));
  return name;
};

/** An active match whose student is Amara Okafor and whose mentors (members of the organization) are Lin Chen and Sam Ortiz. */
async function pair(options: Parameters<typeof makeMentorship>[1] = {}) {
  // why: makeMentorship keeps makeSlot's deadline (two weeks ahead), after a start in the past; the slot's CHECK refuses that.
  const made = await makeMentorship(db, { secondMentor: true, slot: { applicationDeadline: "2020-01-01" }, ...options });
  await named(made.student, "Amara Okafor");
  await named(made.mentor, "Lin Chen");
  await named(made.secondMentor!, "Sam Ortiz");
  return { ...made, lin: made.mentor, sam: made.secondMentor! };
}

const as = (user: { id: string; role: "student" | "mentor" | "admin" }) => ({ id: user.id, role: user.role });
const post = (user: { id: string; role: "student" | "mentor" | "admin" }, matchId: string, body: string, now: Date) => postMessage(db, { viewer: as(user), matchId, body, now });
const subjects = async (address: string) => (await emailsTo(db, address)).map((e) => e.subject);

describe("posting and who may", () => {
  test("the student and the mentors write; an admin, a mentor of another organization and a closed match do not", async () => {
    const { T, minutes } = clock();
    const { match, student, lin } = await pair();
    expect(await post(student, match.id, "  Hello both!  ", T)).toMatchObject({ ok: true });
    expect(await post(lin, match.id, "Welcome, Amara.", minutes(1))).toMatchObject({ ok: true });

    const admin = await makeUser(db, { role: "admin" });
    expect(await post(admin, match.id, "An admin's word", minutes(2))).toEqual({ ok: false, error: "not_allowed" });
    const outsider = (await pair()).lin;
    expect(await post(outsider, match.id, "Not my match", minutes(2))).toEqual({ ok: false, error: "not_found" });
    const otherStudent = (await pair()).student;
    expect(await post(otherStudent, match.id, "Not my match", minutes(2))).toEqual({ ok: false, error: "not_found" });

    const closed = await pair({ status: "not_proceeding" });
    expect(await post(closed.student, closed.match.id, "Still there?", T)).toEqual({ ok: false, error: "not_allowed" });
    const proposed = await pair({ status: "proposed" });
    expect(await post(proposed.student, proposed.match.id, "Hello?", T)).toEqual({ ok: false, error: "not_found" });
    // After completion the pair still talks.
    const completed = await pair({ status: "completed" });
    expect(await post(completed.lin, completed.match.id, "How is the new job?", T)).toMatchObject({ ok: true });

    const bodies = (await db.select({ body: matchMessages.body }).from(matchMessages).where(eq(matchMessages.matchId, match.id))).map((r) => r.body);
    expect(bodies.sort()).toEqual(["Hello both!", "Welcome, Amara."]);
  });

  test("a message is 1 to 5,000 characters after trimming; a refused one writes nothing and emails nobody", async () => {
    const { T } = clock();
    const { match, student, lin } = await pair();
    expect(await post(student, match.id, "   \n  ", T)).toEqual({ ok: false, error: "invalid_body" });
    expect(await post(student, match.id, "x".repeat(5001), T)).toEqual({ ok: false, error: "invalid_body" });
    expect(await post(student, match.id, `  ${"x".repeat(5000)}  `, T)).toMatchObject({ ok: true });
    expect(await db.select().from(matchMessages).where(eq(matchMessages.matchId, match.id))).toHaveLength(1);
    expect(await emailsTo(db, lin.email)).toHaveLength(1);
  });
});

describe("the thread as its reader sees it", () => {
  test("oldest first, the reader's own as You, the other side by name, a deleted mentor as a former mentor; line breaks kept", async () => {
    const { T, minutes } = clock();
    const { match, student, lin, sam } = await pair();
    await post(student, match.id, "First line\nsecond line", T);
    await post(lin, match.id, "Hi Amara", minutes(1));
    await post(sam, match.id, "Hello from Sam", minutes(2));
    await db.delete(users).where(eq(users.id, sam.id));

    const asStudent = (await findMentorship(db, as(student), match.id, { now: minutes(3) }))!;
    const thread = await listMessages(db, asStudent);
    expect(thread.earlier).toBe(0);
    expect(thread.messages.map((m) => [m.author, m.mine, m.authorSide, m.body])).toEqual([
      ["You", true, "student", "First line\nsecond line"],
      ["Lin Chen", false, "mentor", "Hi Amara"],
      [FORMER_MENTOR, false, null, "Hello from Sam"],
    ]);

    const asLin = (await findMentorship(db, as(lin), match.id, { now: minutes(3) }))!;
    expect((await listMessages(db, asLin)).messages.map((m) => m.author)).toEqual(["Amara Okafor", "You", FORMER_MENTOR]);
  });

  test("a long thread shows its newest 50, oldest of them first, and counts the earlier ones", async () => {
    const { minutes } = clock();
    const { match, student } = await pair();
    await db.insert(matchMessages).values(Array.from({ length: 53 }, (_, i) => ({ matchId: match.id, authorId: student.id, body: `Message ${i + 1}`, createdAt: minutes(i) })));
    const m = (await findMentorship(db, as(student), match.id, { now: minutes(60) }))!;
    const page = await listMessages(db, m);
    expect(page.earlier).toBe(3);
    expect(page.messages).toHaveLength(50);
    expect(page.messages[0]!.body).toBe("Message 4");
    expect(page.messages.at(-1)!.body).toBe("Message 53");
    const all = await listMessages(db, m, { shown: 100 });
    expect(all.earlier).toBe(0);
    expect(all.messages[0]!.body).toBe("Message 1");
  });
});

describe("emails about messages", () => {
  test("the first message emails each other person at once; more within the hour wait, and go together in one email once the hour is up", async () => {
    const { T, minutes } = clock();
    const { match, student, lin, sam, slot } = await pair();
    await post(student, match.id, "I pushed the importer to a branch.", T);
    for (const mentor of [lin, sam]) expect(await subjects(mentor.email)).toEqual([`New message from Amara about ${slot.title}`]);
    expect(await emailsTo(db, student.email)).toHaveLength(0);
    const [first] = await emailsTo(db, lin.email);
    expect(first!.text).toContain("I pushed the importer to a branch.");
    expect(first!.text).toContain(`/matches/${match.id}/messages`);

    await post(student, match.id, "Could you look at the tests?", minutes(10));
    await post(student, match.id, "The March files have another header.", minutes(20));
    expect(await emailsTo(db, lin.email)).toHaveLength(1);

    // Not yet an hour since the last email: the sweep leaves them waiting.
    expect(await sendMessageBatches(db, minutes(GAP - 1))).toBe(0);
    expect(await sendMessageBatches(db, minutes(GAP))).toBe(2);
    for (const mentor of [lin, sam]) {
      const mail = await emailsTo(db, mentor.email);
      expect(mail.map((e) => e.subject)).toEqual([`New message from Amara about ${slot.title}`, `2 new messages about ${slot.title}`]);
      expect(mail[1]!.text).toContain("Could you look at the tests?");
      expect(mail[1]!.text).toContain("The March files have another header.");
      expect(mail[1]!.text).not.toContain("I pushed the importer");
    }
    // Idempotent: again, and hours later, nothing more.
    expect(await sendMessageBatches(db, minutes(GAP))).toBe(0);
    expect(await sendMessageBatches(db, minutes(5 * GAP))).toBe(0);
    expect(await emailsTo(db, lin.email)).toHaveLength(2);

    // An hour after that batch, a new message goes at once again.
    await post(student, match.id, "Thanks!", minutes(2 * GAP + 1));
    expect(await subjects(lin.email)).toHaveLength(3);
  });

  test("nobody is emailed their own messages, and writing means having read what came before", async () => {
    const { T, minutes } = clock();
    const { match, student, lin, sam, slot } = await pair();
    await post(lin, match.id, "Welcome aboard.", T); // Amara: at once
    await post(student, match.id, "Thank you!", minutes(1)); // Lin: at once (first to her)
    await post(lin, match.id, "Shall we meet on Monday?", minutes(5)); // Amara: waits (emailed at T)
    await post(student, match.id, "Monday works.", minutes(8)); // Lin: waits (emailed at 1)
    expect(await subjects(student.email)).toEqual([`New message from Lin about ${slot.title}`]);
    expect(await subjects(lin.email)).toEqual([`New message from Amara about ${slot.title}`]);

    // Amara answered Lin's question on the thread: no email about it later. Lin gets Amara's
    // reply; Sam (who wrote nothing) the three after Lin's first.
    expect(await sendMessageBatches(db, minutes(GAP + 10))).toBe(2);
    expect((await emailsTo(db, sam.email)).map((e) => e.subject)).toEqual([`New message from Lin about ${slot.title}`, `3 new messages about ${slot.title}`]);
    expect(await emailsTo(db, student.email)).toHaveLength(1);
    const linMail = await emailsTo(db, lin.email);
    expect(linMail.map((e) => e.subject)).toEqual([`New message from Amara about ${slot.title}`, `New message from Amara about ${slot.title}`]);
    expect(linMail[1]!.text).toContain("Monday works.");
    expect(linMail[1]!.text).not.toContain("Shall we meet");
  });

  test("a mentor removed from the organization is on the match no longer: no email, now or in a batch", async () => {
    const { T, minutes } = clock();
    const { match, student, lin, sam, organization } = await pair();
    // Both named on the slot: a named mentor stays on slot_mentors after leaving the organization.
    await db.insert(slotMentors).values([
      { slotId: match.slotId, userId: lin.id },
      { slotId: match.slotId, userId: sam.id },
    ]);
    await post(student, match.id, "Hello both.", T);
    expect(await emailsTo(db, sam.email)).toHaveLength(1);

    await db.delete(organizationMembers).where(and(eq(organizationMembers.organizationId, organization.id), eq(organizationMembers.userId, sam.id)));
    await post(student, match.id, "Are you there?", minutes(5));
    expect(await sendMessageBatches(db, minutes(GAP + 5))).toBe(1);
    expect(await emailsTo(db, lin.email)).toHaveLength(2);
    expect(await emailsTo(db, sam.email)).toHaveLength(1);

    // Nor at once, on the next message after the hour.
    await post(student, match.id, "One more thing.", minutes(3 * GAP));
    expect(await emailsTo(db, lin.email)).toHaveLength(3);
    expect(await emailsTo(db, sam.email)).toHaveLength(1);
  });

  test("a message written outside the app (a stored timestamp finer than JavaScript's) is emailed once", async () => {
    const { T, minutes } = clock();
    const { match, student, lin } = await pair();
    // why: microseconds, as the database's own clock writes them; the sweep's marks must not round them away.
    const written = `${T.toISOString().slice(0, 19)}.123456Z`;
    await db.insert(matchMessages).values({ matchId: match.id, authorId: student.id, body: "Written by the seed.", createdAt: sql`${written}::timestamptz` });
    expect(await sendMessageBatches(db, minutes(1))).toBe(2);
    expect(await sendMessageBatches(db, minutes(3 * GAP))).toBe(0);
    expect(await emailsTo(db, lin.email)).toHaveLength(1);
  });

  test("a long wait lists the newest twenty in the email and counts the rest", async () => {
    const { T, minutes } = clock();
    const { match, student, lin, slot } = await pair();
    await post(student, match.id, "First.", T);
    for (let i = 1; i <= 24; i++) await post(student, match.id, `Update ${i}.`, minutes(i));
    expect(await sendMessageBatches(db, minutes(GAP))).toBe(2);
    const batch = (await emailsTo(db, lin.email))[1]!;
    expect(batch.subject).toBe(`24 new messages about ${slot.title}`);
    expect(batch.text).toContain("Here are the newest 20; 4 more are on the thread.");
    expect(batch.text).toContain("Update 24.");
    expect(batch.text).not.toContain("Update 4.");
  });

  test("emails about messages never wait for the weekly digest", async () => {
    const { T } = clock();
    const { match, student, lin } = await pair();
    await setEmailCadence(db, { userId: lin.id, cadence: "weekly_digest", now: T });
    await post(student, match.id, "Hello.", T);
    const [mail] = await db.select().from(emails).where(eq(emails.userId, lin.id));
    expect(mail?.template).toBe("match-messages");
  });
});
