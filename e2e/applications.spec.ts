import { and, eq, sql } from "drizzle-orm";
import { applications, emails, matches, studentProfiles } from "~db/schema";
import { makeMatch, makeMatchableStudent } from "~db/test/match-factories";
import { makeOrganization, makeSkill, makeSlot } from "~db/test/slot-factories";
import { expect, loadError, test } from "./fixtures";

const TODAY = new Date().toISOString().slice(0, 10);
const QUESTION = "Which sensor project have you enjoyed most?";
// why: screenshots for the pull request, only when someone asks for them.
const SHOTS = process.env.APPS_SCREENSHOTS;

test("a student applies, the mentor shortlists and proposes the match, the student sees it", async ({ page, db, makeUser, login, newDevice }) => {
  const { organization, mentor } = await makeOrganization(db);
  const skill = await makeSkill(db);
  const slot = await makeSlot(db, organization, {
    title: "Build the data pipeline for river sensors",
    skills: [[skill.slug, 2, true]],
    mentorIds: [mentor.id],
    questions: [QUESTION],
    acceptedAuthorizations: ["us_citizen_pr", "us_f1_cpt"],
  });
  const student = await makeMatchableStudent(db, { name: "Amara Okafor", workAuthorization: "us_f1_cpt", skills: [[skill.slug, 3]] });

  // Signed out: asked to log in.
  await page.goto(`/slots/${slot.id}`);
  await expect(page.getByRole("link", { name: "Log in to apply" })).toBeVisible();

  await login(student);
  await page.goto(`/slots/${slot.id}`);
  const apply = page.getByRole("region", { name: "Apply" });
  await apply.getByRole("button", { name: "Send application" }).click();
  await expect(apply.getByText("Write a short statement: why this slot, and what you bring")).toBeVisible();
  await apply.getByLabel("Your statement").fill("I build data pipelines in Python and want code reviews from a mentor.");
  if (SHOTS) await apply.screenshot({ path: `${SHOTS}/apply-form.png` });
  await apply.getByLabel(QUESTION).fill("A soil moisture logger I built for my school's garden.");
  await apply.getByRole("button", { name: "Send application" }).click();
  await expect(apply.getByText("Submitted", { exact: true })).toBeVisible();

  // Withdraw asks first; keeping the application changes nothing.
  await apply.getByRole("link", { name: "Withdraw…" }).click();
  await expect(apply.getByRole("heading", { name: "Withdraw your application?" })).toBeFocused();
  await apply.getByRole("link", { name: "Keep my application" }).click();
  await expect(apply.getByRole("heading", { name: "Withdraw your application?" })).toHaveCount(0);
  await expect(apply.getByText("Submitted", { exact: true })).toBeVisible();
  // Withdraw, then apply again: the same application comes back, starting from what was sent.
  await apply.getByRole("link", { name: "Withdraw…" }).click();
  await apply.getByRole("button", { name: "Yes, withdraw" }).click();
  await expect(apply.getByRole("button", { name: "Apply again" })).toBeVisible();
  await expect(apply.getByLabel("Your statement")).toHaveValue("I build data pipelines in Python and want code reviews from a mentor.");
  await expect(apply.getByLabel(QUESTION)).toHaveValue("A soil moisture logger I built for my school's garden.");
  await apply.getByRole("button", { name: "Apply again" }).click();
  await expect(apply.getByText("Submitted", { exact: true })).toBeVisible();
  if (SHOTS) await apply.screenshot({ path: `${SHOTS}/apply-status.png` });

  // The mentor sees the applicant with the reasons and the fit, without the unshared status.
  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  await mentorPage.goto(`/mentor/slots/${slot.id}`);
  await mentorPage.getByRole("link", { name: "Applicants (1) →" }).click();
  const card = mentorPage.getByRole("listitem", { name: "Amara Okafor" });
  await expect(card.getByText("Work authorization: fits this slot")).toBeVisible();
  await expect(card.getByText(/Required skills/)).toBeVisible();
  await expect(card).not.toContainText("CPT");
  await card.getByLabel("Shortlist rank (optional)").fill("1");
  await card.getByRole("button", { name: "Shortlist" }).click();
  await expect(mentorPage.getByText(/^Shortlisted\. /)).toBeVisible();
  await expect(card.getByText("Rank 1")).toBeVisible();
  if (SHOTS) await mentorPage.screenshot({ path: `${SHOTS}/applicants.png`, fullPage: true });
  await card.getByRole("button", { name: "Propose match" }).click();
  await expect(mentorPage.getByText(/^Match proposed\. /)).toBeVisible();

  const [match] = await db.select().from(matches).where(and(eq(matches.slotId, slot.id), eq(matches.studentId, student.id)));
  expect(match).toMatchObject({ status: "proposed", source: "application", proposedBy: mentor.id });
  // The proposal waits in the admins' review queue.
  const admin = await makeUser({ role: "admin", name: "Ada Admin" });
  const adminPage = await newDevice();
  await login(admin, adminPage.context());
  await adminPage.goto("/admin/matches");
  await expect(adminPage.getByText("Amara Okafor").first()).toBeVisible();

  await page.goto("/applications");
  await expect(page.getByRole("heading", { name: "My applications" })).toBeVisible();
  await expect(page.getByText("Match proposed", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: slot.title })).toBeVisible();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("withdrawing asks first, the mentor is told by email who withdrew from which slot, and applying again starts from what was sent", async ({ page, db, login }) => {
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { title: "Sensor dashboard intern", mentorIds: [mentor.id], questions: [QUESTION], acceptedAuthorizations: ["us_f1_cpt"] });
    const student = await makeMatchableStudent(db, { name: "Jonah Reyes", workAuthorization: "us_f1_cpt" });
    await db.insert(applications).values({ slotId: slot.id, studentId: student.id, statement: "Dashboards are my thing.", answers: ["A flood gauge map."] });

    await login(student);
    await page.goto(`/slots/${slot.id}`);
    const apply = page.getByRole("region", { name: "Apply" });
    await apply.getByRole("link", { name: "Withdraw…" }).click();
    await expect(apply.getByRole("heading", { name: "Withdraw your application?" })).toBeVisible();
    await expect(apply).toContainText("The mentors will be told by email that you withdrew");
    // Nothing happened yet.
    expect((await db.select().from(applications).where(eq(applications.studentId, student.id)))[0]).toMatchObject({ status: "submitted" });
    await apply.getByRole("button", { name: "Yes, withdraw" }).click();

    await expect(apply.getByRole("button", { name: "Apply again" })).toBeVisible();
    await expect(apply.getByLabel("Your statement")).toHaveValue("Dashboards are my thing.");
    await expect(apply.getByLabel(QUESTION)).toHaveValue("A flood gauge map.");
    const [told] = await db.select().from(emails).where(and(eq(emails.template, "application-withdrawn"), sql`${mentor.email} = any(${emails.to})`));
    expect(told).toMatchObject({ subject: "Application withdrawn: Sensor dashboard intern" });
    expect(told!.text).toContain("Jonah Reyes withdrew their application to “Sensor dashboard intern”");
    expect(told!.text).not.toMatch(/CPT|F-1/);
  });
});

test("my applications show what was sent, and where the match stands once it completed or ended", async ({ page, db, login }) => {
  const { organization, mentor } = await makeOrganization(db);
  const done = await makeSlot(db, organization, { title: "River sensors intern", mentorIds: [mentor.id], questions: [QUESTION] });
  const ended = await makeSlot(db, organization, { title: "Flood maps intern", mentorIds: [mentor.id], questions: [] });
  const student = await makeMatchableStudent(db, { name: "Lena Park" });
  const [first] = await db
    .insert(applications)
    .values({ slotId: done.id, studentId: student.id, statement: "I love rivers.", answers: ["The soil logger."], status: "introduced" })
    .returning();
  const [second] = await db.insert(applications).values({ slotId: ended.id, studentId: student.id, statement: "Maps too.", answers: [], status: "introduced" }).returning();
  const completed = await makeMatch(db, { slotId: done.id, studentId: student.id, source: "application", applicationId: first!.id, status: "completed" });
  await makeMatch(db, { slotId: ended.id, studentId: student.id, source: "application", applicationId: second!.id, status: "not_proceeding" });

  await login(student);
  await page.goto("/applications");
  const river = page.getByRole("listitem").filter({ hasText: "River sensors intern" });
  await expect(river.getByText("Completed", { exact: true })).toBeVisible();
  await expect(river).toContainText("Your internship is completed.");
  await expect(river.getByRole("link", { name: "See the match" })).toHaveAttribute("href", `/matches/${completed.id}`);
  await river.getByText("What you sent").click();
  await expect(river.getByText("I love rivers.")).toBeVisible();
  await expect(river.getByText(QUESTION)).toBeVisible();
  await expect(river.getByText("The soil logger.")).toBeVisible();
  const flood = page.getByRole("listitem").filter({ hasText: "Flood maps intern" });
  await expect(flood.getByText("Not going ahead", { exact: true })).toBeVisible();
  await expect(page.getByText("Take it from there together")).toHaveCount(0);
});

test("a slot page says what the profile lacks before the student can apply, each a link to its section", async ({ page, db, makeUser, login }) => {
  const { organization, mentor } = await makeOrganization(db);
  const slot = await makeSlot(db, organization, { mentorIds: [mentor.id], questions: [] });
  const student = await makeUser({ name: "Ravi Shah" });
  await db.insert(studentProfiles).values({ userId: student.id, country: "US", timezone: "America/New_York", availableFrom: TODAY, availableWeeks: 12, hoursPerWeekTerm: 10, workModes: ["remote"] });

  await login(student);
  await page.goto(`/slots/${slot.id}`);
  const missing = page.getByRole("region", { name: "Apply" }).getByRole("list", { name: "Missing from your profile" });
  await expect(missing.getByRole("listitem")).toHaveText(["Your work authorization", "Your compensation preference"]);
  await missing.getByRole("link", { name: "Your work authorization" }).click();
  await expect(page).toHaveURL(/\/profile#authorization$/);
  await expect(page.getByRole("heading", { name: "Work authorization" })).toBeInViewport();
});

test("another student cannot see someone's application; another organization's mentor gets 404", async ({ page, db, makeUser, login, expectConsoleError }) => {
  expectConsoleError(loadError(404, /\/mentor\/slots\/[0-9a-f-]{36}\/applicants/));
  const { organization, mentor } = await makeOrganization(db);
  const slot = await makeSlot(db, organization, { mentorIds: [mentor.id], questions: [] });
  const owner = await makeUser({ name: "Owner Student" });
  await db.insert(applications).values({ slotId: slot.id, studentId: owner.id, statement: "A private statement nobody else reads." });

  const other = await makeUser({ name: "Other Student" });
  await login(other);
  await page.goto("/applications");
  await expect(page.getByText("You have not applied to a slot yet.")).toBeVisible();
  await page.goto(`/slots/${slot.id}`);
  await expect(page.getByText("A private statement nobody else reads.")).toHaveCount(0);
  expect((await page.request.get(`/mentor/slots/${slot.id}/applicants`)).status()).toBe(403);

  const { mentor: outsider } = await makeOrganization(db);
  await page.context().clearCookies();
  await login(outsider);
  const response = await page.goto(`/mentor/slots/${slot.id}/applicants`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText("Owner Student")).toHaveCount(0);
  const post = await page.request.post(`/mentor/slots/${slot.id}/applicants`, { form: { intent: "decline", applicationId: "00000000-0000-4000-8000-000000000000" }, headers: { Origin: new URL(page.url()).origin } });
  expect(post.status()).toBe(404);
});
