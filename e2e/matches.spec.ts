import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { matches, organizations, slotMentors, slots, users } from "~db/schema";
import { makeApplication, makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { makeOrganization, makeSlot } from "~db/test/slot-factories";
import { expect, loadError, openEmail, test } from "./fixtures";
import type { Db } from "~db/client.server";

// Matching rounds, the admin's review queue, the introduction, and the match page.

/** The people and names of a match, as the database has them: to find their emails and log in as them. */
async function peopleOf(db: Db, matchId: string) {
  const [row] = await db
    .select({ studentId: users.id, studentEmail: users.email, studentName: users.name, slotId: slots.id, slotTitle: slots.title, organizationName: organizations.name })
    .from(matches)
    .innerJoin(users, eq(users.id, matches.studentId))
    .innerJoin(slots, eq(slots.id, matches.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .where(eq(matches.id, matchId));
  const mentors = await db
    .select({ email: users.email })
    .from(slotMentors)
    .innerJoin(users, eq(users.id, slotMentors.userId))
    .where(eq(slotMentors.slotId, row!.slotId))
    .orderBy(asc(users.email));
  return { ...row!, mentorEmails: mentors.map((m) => m.email) };
}

/** A proposal's card in the queue, found by its match id. */
const cardOf = (page: Page, matchId: string) => page.getByRole("article").filter({ has: page.locator(`input[name="matchIds"][value="${matchId}"]`) });

test("an admin runs a round over the demo data and approves a proposal; both people find the introduction; the student confirms", async ({
  page,
  db,
  login,
  makeUser,
  newDevice,
}) => {
  test.slow();
  const admin = await makeUser({ role: "admin", name: "Dana Okafor-Reyes" });
  await login(admin);

  await page.goto("/admin/matches");
  await expect(page.getByRole("heading", { level: 1, name: "Matches" })).toBeVisible();
  await page.getByRole("button", { name: "Run a matching round" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Round saved" })).toContainText(/\d+ proposals? for \d+ opted-in students?/);

  // The round's proposals, each with its score, reasons and source.
  await page.getByRole("link", { name: /^From rounds/ }).click();
  const first = page.getByRole("article").first();
  await expect(first).toContainText("Matching round");
  await expect(first.getByRole("heading", { level: 4, name: "Why they fit" })).toBeVisible();
  const matchId = await first.locator('input[name="matchIds"]').getAttribute("value");
  expect(matchId).toBeTruthy();
  const people = await peopleOf(db, matchId!);

  await cardOf(page, matchId!).getByRole("button", { name: `Approve and introduce ${people.studentName}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Introduced" })).toContainText(`${people.studentName} and the mentors of “${people.slotTitle}” were introduced`);
  await expect(cardOf(page, matchId!)).toHaveCount(0);

  // One email, to both: the student and every mentor of the slot find it in the mailbox.
  const subject = `Introduction: ${people.studentName} and ${people.organizationName} — ${people.slotTitle}`;
  for (const to of [people.studentEmail, ...people.mentorEmails]) {
    const email = await openEmail(page, { to, subject });
    await expect(email.getByText("Why we matched you")).toBeVisible();
    await expect(email.getByText(/Reply all/).first()).toBeVisible();
  }
  // Sent to both, and (the sender being no-reply) replies go to both.
  const everyone = [people.studentEmail, ...people.mentorEmails].join(", ");
  await expect(page.getByText(everyone)).toHaveCount(2);
  await expect(page.getByText("Reply to", { exact: true })).toBeVisible();

  // The student opens the match from the email's link and confirms it.
  const studentPage = await newDevice();
  await login({ id: people.studentId }, studentPage.context());
  await studentPage.goto(`/matches/${matchId}`);
  await expect(studentPage.getByRole("heading", { level: 1, name: people.slotTitle })).toBeVisible();
  await expect(studentPage.getByRole("heading", { name: "Why we matched you" })).toBeVisible();
  await studentPage.getByRole("button", { name: "Confirm the match" }).click();
  // Refused until the student says they will do the paperwork steps.
  await expect(studentPage.getByText("Tick the box to say you will complete these steps before your first day")).toBeVisible();
  await studentPage.getByRole("checkbox").check();
  await studentPage.getByRole("button", { name: "Confirm the match" }).click();
  await expect(studentPage.getByRole("status").filter({ hasText: "Confirmed: the internship is on" })).toBeVisible();
  await expect(studentPage.getByText("Now: Confirmed")).toBeVisible();

  // It is in their list, and the mentors were told.
  await studentPage.goto("/matches");
  await expect(studentPage.getByRole("link", { name: new RegExp(people.slotTitle) })).toContainText("Confirmed");
  await openEmail(page, { to: people.mentorEmails[0]!, subject: `Confirmed: ${people.slotTitle}` });
});

test("without JavaScript: an admin approves two mentors' proposals at once, and rejects a third only with a reason", async ({ browser, db, login, makeUser, expectConsoleError }) => {
  expectConsoleError(loadError(400, "/admin/matches"));
  test.slow();
  const admin = await makeUser({ role: "admin" });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(admin, context);

  const { organization, mentor } = await makeOrganization(db);
  const slot = await makeSlot(db, organization, { seats: 3, mentorIds: [mentor.id], title: `Sensor dashboard ${randomBytes(3).toString("hex")}` });
  const proposals = [];
  for (const name of ["Ama Mensah", "Bo Lindqvist", "Chen Wei"]) {
    const student = await makeMatchableStudent(db, { name: `${name} ${randomBytes(2).toString("hex")}` });
    const application = await makeApplication(db, { slotId: slot.id, studentId: student.id, status: "match_proposed" });
    proposals.push(
      await makeMatch(db, { slotId: slot.id, studentId: student.id, source: "application", applicationId: application.id, proposedBy: mentor.id }),
    );
  }
  const [a, b, c] = proposals as [(typeof proposals)[0], (typeof proposals)[0], (typeof proposals)[0]];

  await page.goto("/admin/matches?source=application");
  await cardOf(page, a.id).getByRole("checkbox").check();
  await cardOf(page, b.id).getByRole("checkbox").check();
  await page.getByRole("button", { name: "Approve selected" }).first().click();
  await expect(page.getByRole("status").filter({ hasText: "2 introductions sent" })).toBeVisible();
  for (const m of [a, b]) expect((await db.select({ status: matches.status }).from(matches).where(eq(matches.id, m.id)))[0]!.status).toBe("introduced");

  const card = cardOf(page, c.id);
  await card.getByText("Reject…").click();
  await card.getByRole("button", { name: "Reject with this reason" }).click();
  await expect(cardOf(page, c.id).getByText("Write the reason: it stays with the decision, and a mentor who proposed the match reads it")).toBeVisible();
  await cardOf(page, c.id).getByLabel("Reason").fill("The slot's dates do not fit the student's availability.");
  await cardOf(page, c.id).getByRole("button", { name: "Reject with this reason" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Rejected" })).toBeVisible();
  expect((await db.select({ status: matches.status }).from(matches).where(eq(matches.id, c.id)))[0]!.status).toBe("rejected");
  await context.close();
});

test("a match is the pair's own: another student gets 404, a student gets 403 on the review queue", async ({ page, db, login, makeUser, newDevice, expectConsoleError }) => {
  expectConsoleError(loadError(404, /\/matches\/[0-9a-f-]{36}/));
  expectConsoleError(loadError(403, "/admin/matches"));
  const { organization, mentor } = await makeOrganization(db);
  const slot = await makeSlot(db, organization, { mentorIds: [mentor.id] });
  const owner = await makeMatchableStudent(db, { name: "Ines Duarte" });
  const match = await makeMatch(db, { slotId: slot.id, studentId: owner.id, status: "introduced" });

  const other = await makeUser({ role: "student" });
  await login(other);
  const response = await page.goto(`/matches/${match.id}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();

  const denied = await page.goto("/admin/matches");
  expect(denied?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "You do not have access to this page" })).toBeVisible();

  // The slot's mentor sees it; the student does too.
  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  expect((await mentorPage.goto(`/matches/${match.id}`))?.status()).toBe(200);
  await expect(mentorPage.getByRole("heading", { level: 1 })).toHaveText(slot.title);
  // A citizen: nothing to confirm, and no status named either way.
  await expect(mentorPage.getByText("Nothing to confirm for work authorization.")).toBeVisible();
});
