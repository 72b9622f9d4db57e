import { makeMatchableStudent } from "~db/test/match-factories";
import { addDays, makeOrganization, makeSlot } from "~db/test/slot-factories";
import { expect, test } from "./fixtures";

// The 2026 rules as people meet them: a required placement in Canada on a study permit, and a
// token stipend that the slot form treats as unpaid (docs/work-authorization.md).

const TODAY = new Date().toISOString().slice(0, 10);
// why: screenshots of the slot form, only when someone asks for them.
const SHOTS = process.env.RULES_SCREENSHOTS;

test("a study-permit student opens a required placement in Canada: no 24-hour cap, the school's letter as the step, and the application is open", async ({ page, db, login }) => {
  const { organization } = await makeOrganization(db, { country: "CA", city: "Toronto" });
  const slot = await makeSlot(db, organization, {
    title: "Co-op term: data pipelines for food rescue",
    country: "CA",
    region: "ON",
    timezone: "America/Toronto",
    currency: "CAD",
    hoursPerWeek: 35,
    requiredPlacement: true,
    acceptedAuthorizations: ["ca_citizen_pr", "ca_study_permit", "ca_coop_permit"],
    questions: [],
  });
  const student = await makeMatchableStudent(db, {
    name: "Lina Haddad",
    workAuthorization: "ca_study_permit",
    country: "CA",
    timezone: "America/Toronto",
    hoursPerWeekTerm: 35,
    availableFrom: addDays(TODAY, 10),
  });
  await login(student);
  await page.goto(`/slots/${slot.id}`);
  await expect(page.getByText("A placement an academic program requires.")).toBeVisible();
  const note = page.getByRole("region", { name: "You are on CA study permit" });
  await expect(note.getByText("This slot accepts your status.")).toBeVisible();
  await expect(note.getByText(/Since April 2026 a placement your program requires is done on your study permit/)).toBeVisible();
  await expect(note.getByText(/24 hours a week off campus/)).toHaveCount(0);
  await expect(page.getByRole("region", { name: "Apply" }).getByRole("button", { name: "Send application" })).toBeVisible();
});

test("a mentor in Toronto posting a token stipend is told it counts as unpaid, and asked Canada's questions, not the US ones", async ({ page, db, login }) => {
  const { mentor } = await makeOrganization(db, { country: "CA", city: "Toronto" });
  await login(mentor);
  await page.goto("/mentor/slots/new");
  await expect(page.getByRole("heading", { level: 1, name: "Post a slot" })).toBeVisible();

  await page.getByLabel("Country").selectOption({ label: "Canada" });
  await page.getByLabel("Province or territory").selectOption({ label: "Ontario" });
  await page.getByRole("radio", { name: /^Stipend/ }).check();
  await page.getByLabel("Stipend, whole internship").fill("500");
  await page.getByLabel("Currency").selectOption("CAD");
  await page.getByLabel("Hours per week", { exact: true }).fill("20");
  await page.getByLabel("Duration in weeks").fill("12");

  // CA$500 over 240 hours is about CA$2 an hour: the unpaid section opens, with why.
  await expect(page.getByText("This stipend counts as unpaid")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Learning plan" })).toBeVisible();
  await expect(page.getByLabel("School (unpaid slots in Canada)")).toBeVisible();
  await expect(page.getByLabel("Academic program (unpaid slots in Canada)")).toBeVisible();
  await expect(page.getByRole("group", { name: /The seven questions of the primary-beneficiary test/ })).toBeHidden();
  await expect(page.getByText("Guidance, not legal advice: what each status allows")).toBeVisible();
  await expect(page.getByText(/A placement the student's academic program requires/)).toBeVisible();
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/slot-form-token-stipend.png`, fullPage: true });

  await page.getByRole("button", { name: "Save and submit" }).click();
  await expect(page.getByText("An unpaid or course-credit slot needs a learning plan")).toBeVisible();
  await expect(page.getByText(/name the school, like/)).toBeVisible();
});
