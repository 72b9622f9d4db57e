import { and, eq, sql } from "drizzle-orm";
import type { Page } from "@playwright/test";
import { emails, matches } from "~db/schema";
import { makeMatchableStudent } from "~db/test/match-factories";
import { makeOrganization, makeSkill, makeSlot } from "~db/test/slot-factories";
import { expect, test } from "./fixtures";
import { STATUS_WORDS } from "~/messages/status-words.test-support";

// A student who keeps their work authorization private and hides their profile from mentors
// applies, the mentor proposes, an admin approves: nothing the mentor can open tells them the
// student's status; the student still reads their own steps.


const bodyText = (page: Page) => page.locator("body").innerText();
// why: screenshots of what the mentor and the student read, only when someone asks for them.
const SHOTS = process.env.PRIVACY_SCREENSHOTS;

test("a student's private status and hidden profile never reach the mentor, from application to introduction", async ({ page, db, makeUser, login, newDevice }) => {
  test.slow();
  const { organization, mentor } = await makeOrganization(db);
  const skill = await makeSkill(db);
  const slot = await makeSlot(db, organization, {
    title: "Air-quality dashboard intern",
    skills: [[skill.slug, 2, true]],
    mentorIds: [mentor.id],
    questions: [],
    acceptedAuthorizations: ["us_citizen_pr", "us_f1_cpt"],
    // 30 hours a week and no CPT offer letter ticked: the pair carries CPT steps of its own.
    hoursPerWeek: 30,
    paperwork: [],
  });
  const student = await makeMatchableStudent(db, {
    name: "Ahmed Rahman",
    workAuthorization: "us_f1_cpt",
    shareAuthorization: false,
    visibleToMentors: false,
    hoursPerWeekTerm: 30,
    skills: [[skill.slug, 3]],
  });
  // A student who lets verified mentors see them, so the "students who fit" page has someone on it.
  await makeMatchableStudent(db, { name: "Mei Visible", visibleToMentors: true, hoursPerWeekTerm: 30, skills: [[skill.slug, 2]] });

  // The student applies.
  await login(student);
  await page.goto(`/slots/${slot.id}`);
  const apply = page.getByRole("region", { name: "Apply" });
  await apply.getByLabel("Your statement").fill("I build dashboards in TypeScript and want a mentor's code reviews.");
  await apply.getByRole("button", { name: "Send application" }).click();
  await expect(apply.getByText("Submitted", { exact: true })).toBeVisible();

  // The mentor: applicants, then students who fit.
  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  await mentorPage.goto(`/mentor/slots/${slot.id}/applicants`);
  const card = mentorPage.getByRole("listitem", { name: "Ahmed Rahman" });
  await expect(card.getByText("Work authorization: fits this slot; Ahmed confirms it with the school before a start date.")).toBeVisible();
  await expect(card.getByText(/Starts soon after Ahmed is free/)).toBeVisible();
  expect(await bodyText(mentorPage)).not.toMatch(STATUS_WORDS);
  if (SHOTS) await card.screenshot({ path: `${SHOTS}/applicant.png` });

  await mentorPage.goto(`/mentor/slots/${slot.id}/fit`);
  await expect(mentorPage.getByRole("article", { name: "Mei Visible" })).toBeVisible();
  await expect(mentorPage.getByText("Ahmed Rahman")).toHaveCount(0);
  expect(await bodyText(mentorPage)).not.toMatch(STATUS_WORDS);

  // Inviting the student on the list works; inviting the hidden one is refused as if there were
  // no such student, and sends nothing.
  await mentorPage.getByRole("button", { name: "Invite Mei Visible to apply" }).click();
  await expect(mentorPage.getByText("Invitation sent to Mei Visible")).toBeVisible();
  const invite = await mentorPage.request.post(`/mentor/slots/${slot.id}/fit`, {
    form: { studentId: student.id },
    headers: { Origin: new URL(mentorPage.url()).origin },
  });
  expect(invite.status()).toBe(404);
  expect(await invite.text()).toContain("This student is not among the students who fit this slot");
  const invitations = await db.select().from(emails).where(and(eq(emails.template, "invite-to-apply"), sql`${student.email} = any(${emails.to})`));
  expect(invitations).toHaveLength(0);

  // The mentor proposes the match.
  await mentorPage.goto(`/mentor/slots/${slot.id}/applicants`);
  await card.getByRole("button", { name: "Propose match" }).click();
  await expect(mentorPage.getByText(/^Match proposed\. /)).toBeVisible();
  const [match] = await db.select().from(matches).where(and(eq(matches.slotId, slot.id), eq(matches.studentId, student.id)));
  expect(match).toMatchObject({ status: "proposed", source: "application" });

  // An admin approves it.
  const admin = await makeUser({ role: "admin", name: "Ada Admin" });
  const adminPage = await newDevice();
  await login(admin, adminPage.context());
  await adminPage.goto("/admin/matches?source=application");
  const proposal = adminPage.getByRole("article").filter({ has: adminPage.locator(`input[name="matchIds"][value="${match!.id}"]`) });
  await proposal.getByRole("button", { name: "Approve and introduce Ahmed Rahman" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: "Introduced" })).toBeVisible();

  // The mentor's match page: that there are steps, not which.
  await mentorPage.goto(`/matches/${match!.id}`);
  await expect(mentorPage.getByRole("heading", { level: 1, name: slot.title })).toBeVisible();
  await expect(mentorPage.getByText("Work authorization: fits this slot; Ahmed confirms it with the school before a start date.")).toBeVisible();
  await expect(mentorPage.getByText(/an offer letter with the dates, hours and duties/)).toBeVisible();
  expect(await bodyText(mentorPage)).not.toMatch(STATUS_WORDS);
  if (SHOTS) await mentorPage.screenshot({ path: `${SHOTS}/match-mentor.png`, fullPage: true });

  // Every email the mentor received, subject and body.
  const toMentor = await db.select().from(emails).where(sql`${mentor.email} = any(${emails.to})`);
  expect(toMentor.map((e) => e.template).sort()).toEqual(["application-received", "introduction"]);
  for (const email of toMentor) {
    expect(`${email.subject}\n${email.text}`).not.toMatch(STATUS_WORDS);
    expect(email.html ?? "").not.toMatch(STATUS_WORDS);
  }

  // The student's own match page and their own email still carry their CPT steps.
  await page.goto(`/matches/${match!.id}`);
  await expect(page.getByText("Your status on your profile:")).toContainText("Curricular Practical Training (CPT)");
  await expect(page.getByText("With the offer letter, ask your DSO to authorize CPT for this employer and these dates (they appear on your I-20), and start only after that.")).toBeVisible();
  await expect(page.getByText("Schools usually allow CPT of at most 20 hours a week during term (a school's policy, not a federal rule); this slot is 30 — fine in a break, or where the school allows more.")).toBeVisible();
  await expect(page.getByText("The organization has not said it can give the offer letter CPT needs; ask the mentors for it.")).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/match-student.png`, fullPage: true });
  const [steps] = await db.select().from(emails).where(and(eq(emails.template, "introduction-steps"), sql`${student.email} = any(${emails.to})`));
  expect(steps!.to).toEqual([student.email]);
  expect(steps!.text).toContain("ask your DSO to authorize CPT");
});
