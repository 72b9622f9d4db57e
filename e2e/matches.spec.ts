import { randomBytes } from "node:crypto";
import { asc, eq } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { matches, organizations, slotMentors, slots, users } from "~db/schema";
import { makeApplication, makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { addDays, makeOrganization, makeSlot } from "~db/test/slot-factories";
import { formatDay } from "~/modules/slots/format";
import { DEMO_MENTORS, DEMO_STUDENTS } from "~db/seed-data";
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
  // why: the round also pairs people and slots that journeys running beside this one made, whose
  // seats those journeys may fill at any moment: take a proposal between the demo's own people.
  const demo = new Set([...DEMO_STUDENTS.map((d) => d.email), ...DEMO_MENTORS.map((d) => d.email)]);
  const proposals = await page.locator('article input[name="matchIds"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  let matchId: string | undefined;
  let people: Awaited<ReturnType<typeof peopleOf>> | undefined;
  for (const id of proposals) {
    const candidate = await peopleOf(db, id);
    if ([candidate.studentEmail, ...candidate.mentorEmails].every((email) => demo.has(email))) {
      [matchId, people] = [id, candidate];
      break;
    }
  }
  if (!matchId || !people) throw new Error(`no proposal of the round is between the demo's own people (${proposals.length} proposals)`);

  await cardOf(page, matchId).getByRole("button", { name: `Approve and introduce ${people.studentName}` }).click();
  await expect(page.getByRole("status").filter({ hasText: "Introduced" })).toContainText(`${people.studentName} and the mentors of “${people.slotTitle}” were introduced`);
  await expect(cardOf(page, matchId)).toHaveCount(0);

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
  // By its address: the student may have another match to a slot of the same title (another round's).
  await expect(studentPage.locator(`a[href="/matches/${matchId}"]`)).toContainText("Confirmed");
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

test.describe("the lifecycle's dates and seats", () => {
  test("a mentor cannot mark an internship started before the week before its start, and is told from when; one under way can end early with a reason", async ({
    page,
    db,
    login,
    newDevice,
  }) => {
    const { organization, mentor } = await makeOrganization(db);
    const student = await makeMatchableStudent(db, { name: `Lena Fischer ${randomBytes(2).toString("hex")}` });
    const upcoming = await makeSlot(db, organization, { mentorIds: [mentor.id], title: `River sensors ${randomBytes(3).toString("hex")}` });
    const confirmed = await makeMatch(db, { slotId: upcoming.id, studentId: student.id, status: "confirmed", confirmedAt: new Date() });

    await login(mentor);
    await page.goto(`/matches/${confirmed.id}`);
    // The page offers no move the server would refuse: the button is greyed out, with the day it opens.
    await expect(page.getByRole("button", { name: "The internship has started" })).toBeDisabled();
    await expect(page.getByText(`Possible from ${formatDay(addDays(upcoming.startDate, -7))} (a week before the start date).`)).toBeVisible();
    await expect(page.getByText("Not going ahead…")).toBeVisible();

    // A slot that started three days ago, its internship under way: completing is possible, and so is ending early.
    const today = new Date().toISOString().slice(0, 10);
    const started = await makeSlot(db, organization, {
      mentorIds: [mentor.id],
      title: `Trail counters ${randomBytes(3).toString("hex")}`,
      startDate: addDays(today, -3),
      applicationDeadline: addDays(today, -10),
    });
    const active = await makeMatch(db, { slotId: started.id, studentId: student.id, status: "active", confirmedAt: new Date() });
    await page.goto(`/matches/${active.id}`);
    await expect(page.getByRole("button", { name: "Mark as completed" })).toBeEnabled();

    const studentPage = await newDevice();
    await login(student, studentPage.context());
    await studentPage.goto(`/matches/${active.id}`);
    await studentPage.getByText("Not going ahead…").click();
    const reason = "My visa appointment moved to next month, so I have to stop early.";
    await studentPage.getByLabel("Why not").fill(reason);
    await studentPage.getByRole("button", { name: "End the match with this reason" }).click();
    await expect(studentPage.getByRole("status").filter({ hasText: "The match is closed as not going ahead" })).toBeVisible();
    await expect(studentPage.getByText("Now: Not going ahead")).toBeVisible();
    const email = await openEmail(page, { to: mentor.email, subject: `Not going ahead: ${started.title}` });
    await expect(email.getByText(reason)).toBeVisible();
  });

  test("when the last seat is confirmed, each applicant still waiting is told once and not selected; the student still talking sees no Confirm button", async ({
    page,
    db,
    login,
    newDevice,
  }) => {
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { seats: 1, mentorIds: [mentor.id], title: `Bird song app ${randomBytes(3).toString("hex")}` });
    const winner = await makeMatchableStudent(db, { name: `Ama Mensah ${randomBytes(2).toString("hex")}` });
    const winnerMatch = await makeMatch(db, { slotId: slot.id, studentId: winner.id, status: "interviewing" });
    const talking = await makeMatchableStudent(db, { name: `Bo Lindqvist ${randomBytes(2).toString("hex")}` });
    const talkingMatch = await makeMatch(db, { slotId: slot.id, studentId: talking.id, status: "interviewing" });
    const applicant = await makeMatchableStudent(db, { name: `Chen Wei ${randomBytes(2).toString("hex")}` });
    await makeApplication(db, { slotId: slot.id, studentId: applicant.id });

    await login(winner);
    await page.goto(`/matches/${winnerMatch.id}`);
    await page.getByRole("checkbox").check();
    await page.getByRole("button", { name: "Confirm the match" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Confirmed: the internship is on" })).toBeVisible();

    // The applicant reads what happened, on the page and once by email.
    const applicantPage = await newDevice();
    await login(applicant, applicantPage.context());
    await applicantPage.goto("/applications");
    const card = applicantPage.getByRole("listitem").filter({ hasText: slot.title });
    await expect(card).toContainText("Not selected");
    await expect(card).toContainText("Every seat of this slot is taken.");
    await expect(card).not.toContainText("You will get an email when they decide");
    await openEmail(applicantPage, { to: applicant.email, subject: `Every seat is taken: ${slot.title}` });
    await applicantPage.goto("/dev/mailbox");
    await expect(applicantPage.getByRole("row").filter({ hasText: applicant.email }).filter({ hasText: `Every seat is taken: ${slot.title}` })).toHaveCount(1);

    // The student who lost the seat: told, and no Confirm that the server would refuse.
    const talkingPage = await newDevice();
    await login(talking, talkingPage.context());
    await talkingPage.goto(`/matches/${talkingMatch.id}`);
    await expect(talkingPage.getByRole("button", { name: "Confirm the match" })).toBeDisabled();
    await expect(talkingPage.getByText("Every seat of this slot is taken now, so there is no seat to confirm.")).toBeVisible();
    await expect(talkingPage.getByRole("checkbox")).toHaveCount(0);
    await openEmail(talkingPage, { to: talking.email, subject: `Every seat is taken: ${slot.title}` });
  });
});
