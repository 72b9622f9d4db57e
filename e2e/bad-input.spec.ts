import { count, eq } from "drizzle-orm";
import { slots } from "~db/schema";
import { makeMatchableStudent } from "~db/test/match-factories";
import { makeOrganization, makeSlot } from "~db/test/slot-factories";
import { expect, header, submitLogin, test } from "./fixtures";

// Requests our own forms never send, answered with a message and no change — never a 500.
// (Issue 10's probes; the wider input gate and the fuzz test are still to come.)

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
