import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { slotStars, studentProfiles, studentSkills, type User } from "~db/schema";
import type { Db } from "~db/client.server";
import { makeApplication, makeMatch } from "~db/test/match-factories";
import { addDays, makeOrganization, makeSkill, makeSlot } from "~db/test/slot-factories";
import { emailFrame, expect, loadError, openEmail, test } from "./fixtures";

// Recommendations: "Recommended for you" with reasons, starring and ranking slots, and a
// mentor's "Students who fit" with an invitation to apply.

const TODAY = new Date().toISOString().slice(0, 10);
const tag = () => randomBytes(3).toString("hex");

/** A profile complete for matching: remote, in the US, free in three weeks, with `skill` at level 3. */
async function completeProfile(db: Db, student: Pick<User, "id">, skillSlug: string, overrides: Partial<typeof studentProfiles.$inferInsert> = {}) {
  await db.insert(studentProfiles).values({
    userId: student.id,
    school: "Northeastern University",
    program: "Computer Science",
    degree: "master",
    graduationDate: addDays(TODAY, 400),
    languages: ["English", "Hindi"],
    githubUrl: "https://github.com/example",
    country: "US",
    city: "Boston",
    timezone: "America/New_York",
    availableFrom: addDays(TODAY, 20),
    availableWeeks: 20,
    hoursPerWeekTerm: 20,
    hoursPerWeekBreak: 40,
    workModes: ["remote", "hybrid"],
    workAuthorization: "us_f1_cpt",
    compensation: "paid_or_stipend",
    goals: ["mentorship", "recommendation_letter"],
    inMatching: true,
    ...overrides,
  });
  await db.insert(studentSkills).values({ userId: student.id, skillSlug, level: 3 });
}

/** Slots requiring `skillSlug`, open and accepting CPT, with an offer letter. */
function cptSlot(db: Db, organization: { id: string }, skillSlug: string, title: string) {
  return makeSlot(db, organization, {
    title,
    acceptedAuthorizations: ["us_citizen_pr", "us_f1_cpt"],
    paperwork: ["cpt_offer_letter"],
    offers: ["recommendation_letter"],
    skills: [[skillSlug, 2, true]],
  });
}

/** The card of a recommended or starred slot. */
const card = (page: Page, title: string) => page.getByRole("article", { name: title });

test("a student sees “Recommended for you” with the reasons, stars two slots and puts them in order on /starred", async ({ page, db, makeUser, login }) => {
  // why: open slots are compiled once per server process and kept for 30 s; new slots may need that long to show.
  test.setTimeout(90_000);
  const skill = await makeSkill(db);
  const { organization } = await makeOrganization(db);
  const [first, second] = [`Sensor pipeline intern ${tag()}`, `Map dashboard intern ${tag()}`];
  const slotA = await cptSlot(db, organization, skill.slug, first);
  await cptSlot(db, organization, skill.slug, second);
  const student = await makeUser({ name: "Priya Shah" });
  await completeProfile(db, student, skill.slug);
  await login(student);

  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Recommended for you" })).toBeVisible();
  await expect(async () => {
    await page.reload();
    await expect(card(page, first)).toBeVisible({ timeout: 1000 });
    await expect(card(page, second)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000, intervals: [2000, 5000] });
  await expect(card(page, first)).toContainText("Covers 1 of 1 required skill at the level asked");
  await expect(card(page, first)).toContainText(/out of 100/);
  await expect(card(page, first).getByText("To confirm before you start")).toBeVisible();

  await card(page, first).getByRole("button", { name: `Star ${first}` }).click();
  await expect(card(page, first).getByRole("button", { name: `Unstar ${first}` })).toBeVisible();
  await card(page, second).getByRole("button", { name: `Star ${second}` }).click();
  await expect(card(page, second).getByRole("button", { name: `Unstar ${second}` })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Starred" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Starred slots" })).toBeVisible();
  await expect(page.getByText("This order is your ranking in matching rounds")).toBeVisible();
  const list = page.getByRole("list", { name: "Your starred slots, in your order" }).getByRole("article");
  await expect(list).toHaveCount(2);
  await expect(list.nth(0)).toHaveAccessibleName(first);
  await expect(list.nth(1)).toHaveAccessibleName(second);
  await expect(page.getByRole("button", { name: `Move up ${first}` })).toBeDisabled();

  await page.getByRole("button", { name: `Move up ${second}` }).click();
  await expect(list.nth(0)).toHaveAccessibleName(second);
  await expect(list.nth(1)).toHaveAccessibleName(first);

  // The slot's own page knows it is starred; unstarring there takes it off the list.
  await page.goto(`/slots/${slotA.id}`);
  await page.getByRole("button", { name: "Unstar" }).click();
  await expect(page.getByRole("button", { name: "Star", exact: true })).toBeVisible();
  await page.goto("/starred");
  await expect(list).toHaveCount(1);
  await expect(list.nth(0)).toHaveAccessibleName(second);
});

test("slots the student applied to or finished are not recommended, and /slots and /starred mark them “Applied” and “Completed”", async ({ page, db, makeUser, login }) => {
  // why: open slots are compiled once per server process and kept for 30 s; new slots may need that long to show.
  test.setTimeout(90_000);
  const skill = await makeSkill(db);
  const { organization } = await makeOrganization(db);
  const word = tag();
  const [applied, finished, fresh] = [`Applied intern ${word}`, `Finished intern ${word}`, `Fresh intern ${word}`];
  const appliedSlot = await cptSlot(db, organization, skill.slug, applied);
  const finishedSlot = await cptSlot(db, organization, skill.slug, finished);
  await cptSlot(db, organization, skill.slug, fresh);
  const student = await makeUser({ name: "Lin Zhou" });
  await completeProfile(db, student, skill.slug);
  await makeApplication(db, { slotId: appliedSlot.id, studentId: student.id });
  await makeMatch(db, { slotId: finishedSlot.id, studentId: student.id, status: "completed" });
  await db.insert(slotStars).values({ studentId: student.id, slotId: appliedSlot.id, position: 1 });
  await login(student);

  await page.goto("/");
  await expect(async () => {
    await page.reload();
    await expect(card(page, fresh)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000, intervals: [2000, 5000] });
  // The three slots were compiled together: the fresh one shows, the two taken up do not.
  await expect(card(page, applied)).toHaveCount(0);
  await expect(card(page, finished)).toHaveCount(0);

  await page.goto(`/slots?q=${word}`);
  await expect(page.getByRole("heading", { level: 3, name: `${applied} Applied` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: `${finished} Completed` })).toBeVisible();
  await expect(page.getByRole("heading", { level: 3, name: fresh, exact: true })).toBeVisible();

  await page.goto("/starred");
  await expect(card(page, applied).getByText("Applied", { exact: true })).toBeVisible();
});

test("a recommendation says where an in-person slot is and how far, calls a slot without the required skills a stretch, and leaves out full time in term for a student with 20 hours in term", async ({ page, db, makeUser, login }) => {
  // why: open slots are compiled once per server process and kept for 30 s; new slots may need that long to show.
  test.setTimeout(90_000);
  const [skill, hard] = [await makeSkill(db), await makeSkill(db)];
  const { organization } = await makeOrganization(db);
  const word = tag();
  const year = new Date().getUTCFullYear() + 1;
  const [seattle, stretch, fullTime] = [`Hybrid intern ${word}`, `Stretch intern ${word}`, `Full-time spring intern ${word}`];
  const spring = { startDate: `${year}-01-11`, durationWeeks: 14, applicationDeadline: addDays(TODAY, 5), acceptedAuthorizations: ["us_f1_cpt" as const], paperwork: ["cpt_offer_letter" as const] };
  await makeSlot(db, organization, { ...spring, title: seattle, workMode: "hybrid", city: "Seattle", timezone: "America/Los_Angeles", skills: [[skill.slug, 2, true]] });
  await makeSlot(db, organization, { ...spring, title: stretch, skills: [[hard.slug, 4, true]] });
  await makeSlot(db, organization, { ...spring, title: fullTime, hoursPerWeek: 40, skills: [[skill.slug, 2, true]] });
  const student = await makeUser({ name: "Noor Haddad" });
  // In Boston, 20 hours a week in term and 40 in breaks, free from early January; the hard skill at level 1.
  await completeProfile(db, student, skill.slug, { availableFrom: `${year}-01-04`, availableWeeks: 40 });
  await db.insert(studentSkills).values({ userId: student.id, skillSlug: hard.slug, level: 1 });
  await login(student);

  await page.goto("/");
  await expect(async () => {
    await page.reload();
    await expect(card(page, seattle)).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000, intervals: [2000, 5000] });
  await expect(card(page, seattle).getByRole("listitem").first()).toContainText("Hybrid in Seattle, about 4,000 km (2,485 miles) from Boston: you would need to move or travel there.");
  await expect(card(page, stretch)).toContainText("A stretch: you do not have the required skill at the level asked yet.");
  await expect(card(page, seattle)).not.toContainText("A stretch");
  // The three slots were compiled together: 40 hours from January is more than the student's 20 in term.
  await expect(card(page, fullTime)).toHaveCount(0);
});

test("a student whose profile is incomplete is told what is missing instead", async ({ page, makeUser, login }) => {
  await login(await makeUser());
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Complete your profile to see recommendations" })).toBeVisible();
  await expect(page.getByText("your school", { exact: true })).toBeVisible();
  await page.getByRole("link", { name: "Complete your profile" }).click();
  await expect(page).toHaveURL(/\/profile$/);
});

test("a mentor opens “Students who fit” for their slot and invites a student, who finds the email in the mailbox", async ({ page, db, makeUser, login, context }) => {
  const skill = await makeSkill(db);
  const { organization, mentor } = await makeOrganization(db);
  const title = `Lab data intern ${tag()}`;
  const slot = await cptSlot(db, organization, skill.slug, title);
  const invitee = await makeUser({ name: `Amara Okafor ${tag()}` });
  await completeProfile(db, invitee, skill.slug, { visibleToMentors: true });
  // Opted in to rounds, but hidden from mentors: never on this page.
  const hidden = await makeUser({ name: `Ines Hidden ${tag()}` });
  await completeProfile(db, hidden, skill.slug, { visibleToMentors: false });
  const notOptedIn = await makeUser({ name: `Kenji Sato ${tag()}` });
  await completeProfile(db, notOptedIn, skill.slug, { inMatching: false, visibleToMentors: true });

  await login(mentor);
  await page.goto(`/mentor/slots/${slot.id}`);
  await page.getByRole("link", { name: "Students who fit this slot" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Students who fit" })).toBeVisible();
  const student = page.getByRole("article", { name: invitee.name });
  await expect(student).toContainText("Covers 1 of 1 required skill at the level asked");
  await expect(student).toContainText("Computer Science · Northeastern University");
  await expect(student).toContainText("Work authorization: fits this slot;");
  await expect(student).not.toContainText("CPT");
  await expect(page.getByRole("article", { name: notOptedIn.name })).toHaveCount(0);
  await expect(page.getByRole("article", { name: hidden.name })).toHaveCount(0);

  await student.getByRole("button", { name: `Invite ${invitee.name} to apply` }).click();
  await expect(page.getByText(`Invitation sent to ${invitee.name}`)).toBeVisible();
  await expect(student.getByRole("button", { name: /^Invited on / })).toBeDisabled();

  await context.clearCookies();
  await login(invitee);
  const email = await openEmail(page, { to: invitee.email, subject: `${organization.name} invites you to apply: ${title}` });
  await expect(email.getByText("Why you fit")).toBeVisible();
  await expect(email.getByText(/Covers 1 of 1 required skill/)).toBeVisible();
  await emailFrame(page).getByRole("link", { name: "Read the slot and apply" }).click();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
});

test("protected pages: another organization's mentor gets 404 on “Students who fit”; a mentor gets 403 on /starred", async ({ page, db, login, expectConsoleError }) => {
  expectConsoleError(loadError(404, /\/mentor\/slots\/[0-9a-f-]{36}\/fit/));
  expectConsoleError(loadError(403, "/starred"));
  const { organization } = await makeOrganization(db);
  const slot = await makeSlot(db, organization);
  const { mentor: outsider } = await makeOrganization(db);
  await login(outsider);
  expect((await page.goto(`/mentor/slots/${slot.id}/fit`))?.status()).toBe(404);
  expect((await page.goto("/starred"))?.status()).toBe(403);
  const star = await page.request.post("/starred", { form: { intent: "star", slotId: slot.id }, headers: { Origin: new URL(page.url()).origin } });
  expect(star.status()).toBe(403);
});
