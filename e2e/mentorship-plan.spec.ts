import { randomBytes } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { goalEvidence, mentorshipGoals, users } from "~db/schema";
import { makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { makeOrganization, makeSlot } from "~db/test/slot-factories";
import { draftPlan } from "~/modules/mentorship/plan.server";
import { expect, loadError, openEmail, test } from "./fixtures";

// The plan of a match: drafted when the student confirms, kept by both sides, "done" confirmed by a mentor.

const LEARNING_PLAN = "Week 1: read the codebase and set up the project\nWeeks 2–4: build the river-level chart\nWeeks 5–8: add alerts and present them to the team";

test("the student confirms and finds the plan drafted; marks a goal done; the mentor confirms it and adds a link; another organization's mentor gets 404", async ({
  page,
  db,
  login,
  newDevice,
  expectConsoleError,
}) => {
  expectConsoleError(loadError(404, /\/matches\/[0-9a-f-]{36}\/plan/));
  test.slow();
  const { organization, mentor } = await makeOrganization(db);
  await db.update(users).set({ name: "Priya Raman" }).where(eq(users.id, mentor.id));
  const slot = await makeSlot(db, organization, {
    mentorIds: [mentor.id],
    title: `River levels ${randomBytes(3).toString("hex")}`,
    durationWeeks: 8,
    learningPlan: LEARNING_PLAN,
    offers: ["recommendation_letter"],
    // why: not open, so a matching round another journey runs at the same time never proposes it.
    status: "closed",
  });
  const student = await makeMatchableStudent(db, { name: `Ines Duarte ${randomBytes(2).toString("hex")}`, goals: ["mentorship", "portfolio_project"], inMatching: false });
  const match = await makeMatch(db, { slotId: slot.id, studentId: student.id, status: "interviewing" });

  // Before confirmation the plan tab says when it starts.
  await login(student);
  await page.goto(`/matches/${match.id}/plan`);
  await expect(page.getByText("The plan starts when the match is confirmed.")).toBeVisible();
  await expect(page.getByRole("list", { name: "Goals" })).toHaveCount(0);

  await page.goto(`/matches/${match.id}`);
  await page.getByRole("checkbox").check();
  await page.getByRole("button", { name: "Confirm the match" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Confirmed: the internship is on" })).toBeVisible();

  // The plan was drafted at confirmation: the learning plan's lines by week, then the benefits in the last week.
  await page.getByRole("link", { name: "Plan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: "The plan" })).toBeVisible();
  const goals = page.getByRole("list", { name: "Goals" }).getByRole("listitem").filter({ has: page.getByRole("heading", { level: 3 }) });
  await expect(goals.getByRole("heading", { level: 3 })).toHaveText([
    "Read the codebase and set up the project",
    "Build the river-level chart",
    "Add alerts and present them to the team",
    "Recommendation letter from your mentor",
    "A portfolio project to show",
  ]);
  await expect(page.getByText("0 of 5 goals done")).toBeVisible();
  const first = page.getByRole("listitem", { name: "Read the codebase and set up the project" });
  await expect(first).toContainText("Week 1 · by");

  // The student marks the first goal done: it waits for the mentor.
  await first.getByLabel("State", { exact: true }).selectOption("done");
  await first.getByRole("button", { name: "Save state" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Marked done. A mentor confirms it." })).toBeVisible();
  await expect(first).toContainText("Done — waiting for Priya to confirm");
  await expect(first.getByText("Done — waiting for confirmation", { exact: true })).toBeVisible();
  await expect(page.getByText("0 of 5 goals done, 1 waiting for confirmation")).toBeVisible();
  await expect(first.getByRole("button", { name: "Confirm done" })).toHaveCount(0);

  // The mentor is emailed, confirms it and adds the pull request as evidence.
  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  const email = await openEmail(mentorPage, { to: mentor.email, subject: `${student.name} marked “Read the codebase and set up the project” done — confirm it on the plan` });
  await expect(email.getByRole("link", { name: "Confirm it on the plan" })).toHaveAttribute("href", new RegExp(`/matches/${match.id}/plan#goal-`));
  await mentorPage.goto(`/matches/${match.id}/plan`);
  const mentorsFirst = mentorPage.getByRole("listitem", { name: "Read the codebase and set up the project" });
  await expect(mentorsFirst).toContainText("Done — waiting for a mentor to confirm");
  await mentorsFirst.getByRole("button", { name: "Confirm done" }).click();
  await expect(mentorPage.getByRole("status").filter({ hasText: "Confirmed done." })).toBeVisible();
  await expect(mentorsFirst).toContainText("Done · confirmed by you");
  await expect(mentorsFirst.locator("span").filter({ hasText: /^Done$/ })).toBeVisible();

  await mentorsFirst.getByText("Add a link").click();
  await mentorsFirst.getByLabel("Link", { exact: true }).fill("javascript:alert(1)");
  await mentorsFirst.getByRole("button", { name: "Add the link" }).click();
  await expect(mentorsFirst.getByText("Use a web address, like github.com/you/project or https://…")).toBeVisible();
  // Pasted without https://, as links often are.
  await mentorsFirst.getByLabel("Link", { exact: true }).fill("github.com/example/river-levels/pull/1");
  await mentorsFirst.getByLabel("What it is (optional)").fill("First pull request");
  await mentorsFirst.getByRole("button", { name: "Add the link" }).click();
  await expect(mentorPage.getByRole("status").filter({ hasText: "Link added." })).toBeVisible();
  await expect(mentorsFirst.getByRole("link", { name: "First pull request" })).toHaveAttribute("href", "https://github.com/example/river-levels/pull/1");

  // A form clears after its own success, and an error stays only until another form is sent.
  const mentorsSecond = mentorPage.getByRole("listitem", { name: "Build the river-level chart" });
  await mentorsSecond.getByText("Add a link").click();
  await mentorsSecond.getByLabel("Link", { exact: true }).fill("not a link");
  await mentorsSecond.getByRole("button", { name: "Add the link" }).click();
  await expect(mentorsSecond.getByText("Use a web address, like github.com/you/project or https://…")).toBeVisible();
  const add = mentorPage.getByRole("region", { name: "Add a goal" });
  await add.getByLabel("Goal", { exact: true }).fill("Demo the chart to the team");
  await add.getByLabel("Target week", { exact: true }).selectOption("5");
  await add.getByRole("button", { name: "Add the goal" }).click();
  await expect(mentorPage.getByRole("status").filter({ hasText: "Goal added." })).toBeVisible();
  await expect(mentorPage.getByRole("listitem", { name: "Demo the chart to the team" })).toContainText("Week 5 · by");
  await expect(add.getByLabel("Goal", { exact: true })).toHaveValue("");
  await expect(mentorPage.getByText("Use a web address, like github.com/you/project or https://…")).toHaveCount(0);
  await add.getByRole("button", { name: "Add the goal" }).click();
  await expect(add.getByText("Say what the goal is: a sentence someone else would understand")).toBeVisible();
  await expect(mentorPage.getByRole("listitem", { name: "Demo the chart to the team" })).toHaveCount(1);

  // The student sees both.
  await page.reload();
  await expect(first).toContainText("Done · confirmed by Priya Raman");
  await expect(first.getByRole("link", { name: "First pull request" })).toBeVisible();
  await expect(page.getByText("1 of 6 goals done")).toBeVisible();
  // The mentor's confirmation is the mentor's to undo: the student's state form gives way to a sentence.
  await expect(first).toContainText(/Confirmed by Priya Raman on .+; ask your mentor to reopen it\./);
  await expect(first.getByRole("button", { name: "Save state" })).toHaveCount(0);
  await page.screenshot({ path: "/tmp/planfix-student.png", fullPage: true });

  // Another organization's mentor learns nothing: the same 404 as for no match at all.
  const { mentor: outsider } = await makeOrganization(db);
  const outsiderPage = await newDevice();
  await login(outsider, outsiderPage.context());
  const response = await outsiderPage.goto(`/matches/${match.id}/plan`);
  expect(response?.status()).toBe(404);
  await expect(outsiderPage.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
});

test("without JavaScript: a goal is added only with a title, the typed week kept; a plan confirmed before plans existed is drafted from the button", async ({
  browser,
  db,
  login,
  expectConsoleError,
}) => {
  expectConsoleError(loadError(400, /\/matches\/[0-9a-f-]{36}\/plan/));
  const { organization, mentor } = await makeOrganization(db);
  const slot = await makeSlot(db, organization, { mentorIds: [mentor.id], title: `Trail counters ${randomBytes(3).toString("hex")}`, durationWeeks: 6, learningPlan: null, offers: ["referral"], status: "filled" });
  const student = await makeMatchableStudent(db, { goals: ["mentorship"], inMatching: false });
  const match = await makeMatch(db, { slotId: slot.id, studentId: student.id, status: "confirmed", confirmedAt: new Date() });

  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(mentor, context);
  await page.goto(`/matches/${match.id}/plan`);
  await expect(page.getByRole("heading", { name: "No plan yet" })).toBeVisible();
  await page.getByRole("button", { name: "Draft the plan from the slot" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The plan is drafted from the slot" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Referral for a next role" })).toContainText("Week 6 · by");
  await expect(page.getByText("The slot has no learning plan, so this plan starts with what the internship should give.")).toBeVisible();

  const add = page.getByRole("region", { name: "Add a goal" });
  await add.getByLabel("Target week", { exact: true }).selectOption("3");
  await add.getByRole("button", { name: "Add the goal" }).click();
  await expect(add.getByText("Say what the goal is: a sentence someone else would understand")).toBeVisible();
  await expect(add.getByLabel("Target week", { exact: true })).toHaveValue("3");
  await add.getByLabel("Goal", { exact: true }).fill("Count the trail users with the new sensors");
  await add.getByRole("button", { name: "Add the goal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Goal added." })).toBeVisible();
  await expect(page.getByRole("listitem", { name: "Count the trail users with the new sensors" })).toContainText("Week 3 · by");
  await expect(page.getByRole("listitem", { name: "Count the trail users with the new sensors" })).toContainText("Added by you");
  await expect(add.getByLabel("Goal", { exact: true })).toHaveValue("");

  // A refused link shows its error on its own form; the next saved form leaves no error anywhere. A link without https:// is taken.
  const referral = page.getByRole("listitem", { name: "Referral for a next role" });
  await referral.getByText("Add a link").click();
  await referral.getByLabel("Link", { exact: true }).fill("javascript:alert(1)");
  await referral.getByRole("button", { name: "Add the link" }).click();
  await expect(referral.getByText("Use a web address, like github.com/you/project or https://…")).toBeVisible();
  await expect(add.getByText("Say what the goal is")).toHaveCount(0);
  await add.getByLabel("Goal", { exact: true }).fill("Write up the sensor study");
  await add.getByRole("button", { name: "Add the goal" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Goal added." })).toBeVisible();
  await expect(page.getByText("Use a web address, like github.com/you/project or https://…")).toHaveCount(0);
  await expect(add.getByLabel("Goal", { exact: true })).toHaveValue("");
  await referral.getByText("Add a link").click();
  await referral.getByLabel("Link", { exact: true }).fill("github.com/wei/keyboard-nav");
  await referral.getByRole("button", { name: "Add the link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Link added." })).toBeVisible();
  await expect(referral.getByRole("link", { name: "https://github.com/wei/keyboard-nav" })).toHaveAttribute("href", "https://github.com/wei/keyboard-nav");
  await context.close();
});

test("a request no page of ours sends changes nothing: another match's goal is 404, an admin's change 403, a week past the end 400", async ({ page, db, login, makeUser, baseURL }) => {
  const { organization, mentor } = await makeOrganization(db);
  const slot = await makeSlot(db, organization, { mentorIds: [mentor.id], durationWeeks: 6, learningPlan: "Build the thing", status: "filled", seats: 2 });
  const student = await makeMatchableStudent(db, { inMatching: false });
  const match = await makeMatch(db, { slotId: slot.id, studentId: student.id, status: "active", confirmedAt: new Date() });
  await draftPlan(db, { matchId: match.id, slot: { ...slot, offers: [] }, studentGoals: [], now: new Date() });
  const other = await makeMatch(db, { slotId: slot.id, studentId: (await makeMatchableStudent(db, { inMatching: false })).id, status: "active", confirmedAt: new Date() });
  await draftPlan(db, { matchId: other.id, slot: { ...slot, offers: [] }, studentGoals: [], now: new Date() });
  const [theirs] = await db.select().from(mentorshipGoals).where(eq(mentorshipGoals.matchId, other.id));

  const post = (form: Record<string, string>) =>
    page.request.post(`/matches/${match.id}/plan`, { form, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  await login(student);
  expect((await post({ intent: "set_state", goalId: theirs!.id, state: "done" })).status()).toBe(404);
  expect((await post({ intent: "add_goal", title: "Too late", targetWeek: "7" })).status()).toBe(400);
  // Only a mentor confirms "done", whichever goal.
  expect((await post({ intent: "confirm_done", goalId: theirs!.id })).status()).toBe(403);
  expect((await post({ intent: "add_evidence", goalId: theirs!.id, url: "https://example.org/x" })).status()).toBe(404);
  expect((await post({ intent: "sing" })).status()).toBe(400);
  // A goal a mentor confirmed done is the mentor's to reopen.
  const [ours] = await db.select().from(mentorshipGoals).where(eq(mentorshipGoals.matchId, match.id));
  await db.update(mentorshipGoals).set({ state: "done", doneConfirmedBy: mentor.id, doneConfirmedAt: new Date() }).where(eq(mentorshipGoals.id, ours!.id));
  const undo = await post({ intent: "set_state", goalId: ours!.id, state: "not_started" });
  expect(undo.status()).toBe(403);
  expect(await undo.text()).toContain("A mentor confirmed this goal done, so only a mentor can reopen it.");
  expect((await db.select().from(mentorshipGoals).where(eq(mentorshipGoals.id, ours!.id)))[0]).toMatchObject({ state: "done", doneConfirmedBy: mentor.id });

  // why: this test's two matches only — journeys running beside it write goals of their own.
  const goalsHere = () => db.select().from(mentorshipGoals).where(inArray(mentorshipGoals.matchId, [match.id, other.id])).orderBy(mentorshipGoals.id);
  const before = await goalsHere();
  await login(await makeUser({ role: "admin" }));
  expect((await post({ intent: "add_goal", title: "An admin's goal", targetWeek: "2" })).status()).toBe(403);
  expect(await goalsHere()).toEqual(before);
  expect(await db.select().from(goalEvidence).where(eq(goalEvidence.goalId, theirs!.id))).toEqual([]);
});
