import { count, eq } from "drizzle-orm";
import { slots, studentProfiles } from "~db/schema";
import { makeMatchableStudent } from "~db/test/match-factories";
import { makeOrganization, makeSlot } from "~db/test/slot-factories";
import { expect, header, submitLogin, test } from "./fixtures";

// Requests our own forms never send, and text no field takes, answered with a message and no
// change — never a 500. (fuzz.spec.ts posts malformed bodies to every action.)

test("a login whose way back holds a control character lands home instead of failing", async ({ page, makeUser }) => {
  const user = await makeUser({ name: "Noor Haddad" });
  await page.goto("/login?redirectTo=%2Fslots%00x");
  await submitLogin(page, user);
  await expect(header(page).getByRole("link", { name: /Noor Haddad/ })).toBeVisible();
  await expect(page).toHaveURL("/");
});

test("a slot form with an intent no button sends is refused with a message, and saves nothing", async ({ page, db, login }) => {
  const { organization, mentor } = await makeOrganization(db);
  await login(mentor);
  await page.goto("/mentor/slots/new");
  const origin = new URL(page.url()).origin;
  const before = (await db.select({ value: count() }).from(slots).where(eq(slots.organizationId, organization.id)))[0]!.value;
  for (const intent of ["", "SAVE", "publish"]) {
    const response = await page.request.post("/mentor/slots/new", { form: { intent, title: "A slot" }, headers: { Origin: origin } });
    expect(response.status(), `intent "${intent}"`).toBe(400);
    expect(await response.text()).toContain("to save the slot.");
  }
  const after = (await db.select({ value: count() }).from(slots).where(eq(slots.organizationId, organization.id)))[0]!.value;
  expect(after).toBe(before);
});

test("an application without the answer fields is refused with a message per question, not a broken page", async ({ page, db, login }) => {
  const { organization } = await makeOrganization(db);
  const slot = await makeSlot(db, organization, { questions: ["Which project are you proudest of?"], acceptedAuthorizations: ["us_citizen_pr"] });
  const student = await makeMatchableStudent(db, { name: "Omar Test" });
  await login(student);
  await page.goto(`/slots/${slot.id}`);
  const response = await page.request.post(`/slots/${slot.id}`, {
    form: { intent: "apply", statement: "I would like to build this with you." },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(response.status()).toBe(400);
  expect(await response.text()).toContain("Answer this question");
});

test("text pasted with an invisible control character is refused on its field, nothing saved, and saves once retyped", async ({ page, db, login }) => {
  const student = await makeMatchableStudent(db, { name: "Lin Wei", city: "Boston" });
  await login(student);
  await page.goto("/profile");
  // A vertical tab: what a line break copied from a word processor can become.
  await page.getByLabel("City").fill("Cam\u000bbridge");
  await page.getByRole("button", { name: "Save profile" }).click();
  const city = page.getByLabel("City");
  await expect(page.getByText("This text has an invisible control character in it")).toBeVisible();
  await expect(city).toHaveAttribute("aria-invalid", "true");
  const [saved] = await db.select({ city: studentProfiles.city }).from(studentProfiles).where(eq(studentProfiles.userId, student.id));
  expect(saved!.city).toBe("Boston");

  await city.fill("Cambridge");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile is saved.")).toBeVisible();
  const [after] = await db.select({ city: studentProfiles.city }).from(studentProfiles).where(eq(studentProfiles.userId, student.id));
  expect(after!.city).toBe("Cambridge");
});

test("a search address with a control character searches without it and says so", async ({ page }) => {
  await page.goto("/slots?q=data%00pipeline");
  await expect(page.getByText("Part of this address had an invisible control character in it")).toBeVisible();
  await expect(page.getByLabel("Keywords")).toHaveValue("");
});
