import { randomInt } from "node:crypto";
import { eq } from "drizzle-orm";
import { slots, studentProfiles } from "~db/schema";
import { addDays, makeOrganization, makeSkill, makeSlot, PRIMARY_BENEFICIARY_ANSWERS } from "~db/test/slot-factories";
import { expect, loadError, openEmail, test, type TestUser } from "./fixtures";
import type { Page } from "@playwright/test";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";

// Slots: posting (with the rules for unpaid slots), review, browse and search, and who may see what.

const TODAY = new Date().toISOString().slice(0, 10);

/** A made-up word no other test's slot contains, so a search finds only this test's slot. */
function word() {
  return Array.from({ length: 10 }, () => "bcdfghjklmnpqrtvwxz"[randomInt(19)]).join("");
}

const LEARNING_PLAN =
  "Weeks 1–3: learn our stack and ship a first small fix with a review. Weeks 4–8: build the ingestion pipeline, pairing twice a week. Weeks 9–12: document it and present it to the team.";

/** Fills the slot form as a mentor would, for an unpaid remote slot in the US — without the learning plan. */
async function fillUnpaidSlot(page: Page, title: string) {
  await page.getByLabel("Title").fill(title);
  await page.getByLabel("Description").fill("Join a four-person team that measures river health with low-cost sensors and publishes open data.");
  await page.getByLabel("The project, and what the intern will build").fill("An ingestion pipeline that cleans sensor readings and publishes them as open data, with tests.");
  await page.getByLabel("Required skill 1", { exact: true }).fill("Python");
  await page.getByLabel("Minimum level for required skill 1").selectOption("2");
  await page.getByLabel("Mentor hours per week").fill("3");
  await page.getByRole("radio", { name: /^Unpaid/ }).check();
  for (const [i, answer] of Object.values(PRIMARY_BENEFICIARY_ANSWERS).entries()) {
    await page.getByRole("group", { name: "The seven questions of the primary-beneficiary test" }).getByRole("textbox").nth(i).fill(answer);
  }
  await page.getByLabel("Hours per week", { exact: true }).fill("20");
  await page.getByLabel("Start date").fill(addDays(TODAY, 40));
  await page.getByLabel("Duration in weeks").fill("12");
  await page.getByLabel("Application deadline").fill(addDays(TODAY, 20));
  await page.getByLabel("Seats").fill("1");
  await page.getByRole("radio", { name: "Remote" }).check();
  await page.getByLabel("Team's time zone").fill("America/New_York");
  await page.getByLabel("US citizen or permanent resident").check();
  await page.getByLabel(AUTHORIZATION_INFO.us_f1_cpt.label).check();
  await page.getByLabel("Offer letter for CPT").check();
  await page.getByLabel("Recommendation letter").check();
}

/** The slot's card in the review queue, as an admin finds it: the queue is oldest first and paged, so follow "Next". */
async function reviewCard(page: Page, title: string) {
  await page.goto("/admin/slots");
  for (let pageNumber = 1; pageNumber <= 20; pageNumber++) {
    await expect(page.getByRole("heading", { level: 1, name: "Slot review" })).toBeVisible();
    const card = page.getByRole("article", { name: title });
    if (await card.isVisible()) return card;
    const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" });
    if (!(await next.isVisible())) break;
    await next.click();
    await expect(page).toHaveURL(new RegExp(`page=${pageNumber + 1}`));
  }
  throw new Error(`No slot "${title}" in the review queue`);
}

test("a mentor posts an unpaid slot, is refused without a learning plan, submits it; an admin opens it; a student finds it with filters, but not with “Paid only”", async ({
  page,
  db,
  login,
  makeUser,
  newDevice,
  expectConsoleError,
}) => {
  expectConsoleError(loadError(404, /\/slots\/[0-9a-f-]{36}/));
  test.slow();
  const { mentor } = await makeOrganization(db, { verified: true, name: `River Sensors ${word()}` });
  const title = `Sensor data intern ${word()}`;
  await login(mentor);

  await page.goto("/mentor/slots");
  await page.getByRole("link", { name: "Post a slot" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Post a slot" })).toBeVisible();
  await expect(page.getByText("Why we ask")).toBeVisible();
  await fillUnpaidSlot(page, title);
  await page.getByRole("button", { name: "Save and submit" }).click();

  // Refused: the message is on the learning plan, and everything typed is still there.
  const plan = page.getByRole("textbox", { name: "Learning plan" });
  await expect(page.getByText("An unpaid or course-credit slot needs a learning plan")).toBeVisible();
  await expect(plan).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveURL("/mentor/slots/new");
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Required skill 1", { exact: true })).toHaveValue("Python");
  await expect(page.getByRole("radio", { name: /^Unpaid/ })).toBeChecked();

  await plan.fill(LEARNING_PLAN);
  await page.getByRole("button", { name: "Save and submit" }).click();
  await expect(page.getByText("Submitted. An admin reviews it before it opens")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(page.getByText("Waiting for review", { exact: true }).first()).toBeVisible();
  const slotId = new URL(page.url()).pathname.split("/").at(-1)!;

  // Not public while it waits.
  const visitor = await newDevice();
  expect((await visitor.goto(`/slots/${slotId}`))?.status()).toBe(404);

  // The admin opens it from the review queue.
  const admin = await makeUser({ role: "admin", name: "Dana Admin" });
  const adminPage = await newDevice();
  await login(admin, adminPage.context());
  const card = await reviewCard(adminPage, title);
  await expect(card.getByText(LEARNING_PLAN)).toBeVisible();
  await expect(card.getByText(PRIMARY_BENEFICIARY_ANSWERS.complementsStaff)).toBeVisible();
  await card.getByRole("button", { name: "Open the slot" }).click();
  await expect(adminPage.getByRole("status").filter({ hasText: `“${title}” is open. Its mentors were emailed.` })).toBeVisible();
  await expect(adminPage.getByRole("article", { name: title })).toHaveCount(0);

  // The mentor hears about it.
  await openEmail(adminPage, { to: mentor.email, subject: `Your slot is open: ${title}` });

  // A student on CPT finds it with filters...
  const student = await makeUser({ role: "student", name: "Amara Student" });
  await db.insert(studentProfiles).values({ userId: student.id, workAuthorization: "us_f1_cpt" });
  const studentPage = await newDevice();
  await login(student, studentPage.context());
  await studentPage.goto("/slots");
  const search = studentPage.getByRole("search", { name: "Search slots" });
  await search.getByLabel("Keywords").fill(title.split(" ").at(-1)!);
  await search.getByLabel("Add a skill").fill("python");
  await search.getByLabel("Remote").check();
  await search.getByLabel("Unpaid or course credit").check();
  await search.getByLabel("Hours per week, at most").fill("20");
  await search.getByLabel("Accepts my work authorization").check();
  await search.getByRole("button", { name: "Apply filters" }).click();
  await expect(studentPage).toHaveURL(/pay=unpaid_or_credit/);
  await expect(studentPage).toHaveURL(/fit=mine/);
  await expect(studentPage.getByRole("heading", { name: "1 open slot match" })).toBeVisible();
  await expect(search.getByRole("list", { name: "Chosen skills" }).getByText("Python")).toBeVisible();
  await expect(studentPage.getByText("Accepts your F-1 CPT")).toBeVisible();

  // ...a shared link shows the same...
  const shared = await newDevice();
  await shared.goto(studentPage.url());
  await expect(shared.getByRole("link", { name: title })).toBeVisible();

  // ...but not with "Paid only".
  await search.getByLabel("Paid only (hourly)").check();
  await search.getByRole("button", { name: "Apply filters" }).click();
  await expect(studentPage).toHaveURL(/pay=paid_only/);
  await expect(studentPage.getByRole("heading", { name: "No open slots match" })).toBeVisible();
  await expect(studentPage.getByRole("link", { name: title })).toHaveCount(0);

  // The slot page speaks to the student's own status.
  await search.getByLabel("Unpaid or course credit").check();
  await search.getByRole("button", { name: "Apply filters" }).click();
  await studentPage.getByRole("link", { name: title }).click();
  await expect(studentPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  const note = studentPage.getByRole("region", { name: "You are on F-1 CPT" });
  await expect(note.getByText("This slot accepts your status.")).toBeVisible();
  await expect(note.getByText("Your DSO must authorize CPT for this employer and these dates before your first day.")).toBeVisible();
  await expect(note.getByText(/not legal advice: confirm with your school's international office/)).toBeVisible();
});

test("without JavaScript, the server refuses an unpaid slot without a learning plan, keeps what was typed, and focuses the field", async ({ browser, db, login, expectConsoleError }) => {
  expectConsoleError(loadError(400, "/mentor/slots/new"));
  const { mentor } = await makeOrganization(db, { verified: true });
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await login(mentor, context);
  const title = `No script intern ${word()}`;

  await page.goto("/mentor/slots/new");
  await fillUnpaidSlot(page, title);
  await page.getByRole("button", { name: "Save and submit" }).click();

  await expect(page.getByRole("alert").filter({ hasText: "The slot was not saved" })).toBeVisible();
  const plan = page.getByRole("textbox", { name: "Learning plan" });
  await expect(plan).toBeFocused();
  await expect(plan).toHaveAttribute("aria-invalid", "true");
  const message = page.getByText("An unpaid or course-credit slot needs a learning plan");
  const errorId = await message.locator("xpath=ancestor-or-self::*[@id][1]").getAttribute("id");
  expect((await plan.getAttribute("aria-describedby"))?.split(" ")).toContain(errorId);
  await expect(page.getByLabel("Title")).toHaveValue(title);
  await expect(page.getByLabel("Offer letter for CPT")).toBeChecked();

  await plan.fill(LEARNING_PLAN);
  await page.getByRole("button", { name: "Save draft" }).click();
  await expect(page.getByText("Saved as a draft.")).toBeVisible();
  await context.close();
});

/** The slot form as a browser posts it, for a complete paid slot. */
function paidSlotForm(mentorId: string, title: string) {
  const form = new URLSearchParams({
    intent: "save",
    title,
    description: "A slot posted straight to the server, to check who may change it.",
    project: "Nothing real: this project exists to test authorization on the edit page.",
    "requiredSkills[0].skill": "Python",
    "requiredSkills[0].level": "2",
    mentorIds: mentorId,
    mentorHoursPerWeek: "2",
    compensation: "paid",
    hourlyRate: "25",
    currency: "USD",
    hoursPerWeek: "20",
    startDate: addDays(TODAY, 30),
    durationWeeks: "10",
    applicationDeadline: addDays(TODAY, 10),
    seats: "1",
    workMode: "remote",
    country: "US",
    timezone: "America/Chicago",
    acceptedAuthorizations: "us_citizen_pr",
  });
  return form.toString();
}

test.describe("who may see and change a slot", () => {
  test("a mentor of another organization cannot open a slot's edit page or post to it; nothing changes", async ({ page, db, login, baseURL, expectConsoleError }) => {
    expectConsoleError(loadError(404, /\/mentor\/slots\/[0-9a-f-]{36}/));
    const owner = await makeOrganization(db);
    const slot = await makeSlot(db, owner.organization, { status: "draft", publishedAt: null, title: "Owner's draft", mentorIds: [owner.mentor.id] });
    const intruder = await makeOrganization(db);
    await login(intruder.mentor);

    expect((await page.goto(`/mentor/slots/${slot.id}`))?.status()).toBe(404);
    const headers = { Origin: new URL(baseURL!).origin, "Content-Type": "application/x-www-form-urlencoded" };
    const post = await page.request.post(`/mentor/slots/${slot.id}`, { headers, data: paidSlotForm(intruder.mentor.id, "Taken over"), maxRedirects: 0 });
    expect(post.status()).toBe(404);
    const close = await page.request.post(`/mentor/slots/${slot.id}`, { headers, data: "intent=close", maxRedirects: 0 });
    expect(close.status()).toBe(404);
    const [after] = await db.select().from(slots).where(eq(slots.id, slot.id));
    expect(after).toMatchObject({ title: "Owner's draft", status: "draft" });

    // The same request from the owner does change it: the 404 above is the guard, not a broken form.
    await login(owner.mentor);
    const own = await page.request.post(`/mentor/slots/${slot.id}`, { headers, data: paidSlotForm(owner.mentor.id, "Owner's better title"), maxRedirects: 0 });
    expect(own.status()).toBe(302);
    const [changed] = await db.select().from(slots).where(eq(slots.id, slot.id));
    expect(changed!.title).toBe("Owner's better title");
  });

  test("a student gets 403 on /mentor/slots and /admin/slots; a mentor gets 403 on /admin/slots and cannot review", async ({ page, db, makeUser, login, baseURL, expectConsoleError }) => {
    expectConsoleError(loadError(403, "/mentor/slots"));
    expectConsoleError(loadError(403, "/mentor/slots/new"));
    expectConsoleError(loadError(403, "/admin/slots"));
    const student: TestUser = await makeUser({ role: "student" });
    await login(student);
    expect((await page.goto("/mentor/slots"))?.status()).toBe(403);
    expect((await page.goto("/mentor/slots/new"))?.status()).toBe(403);
    expect((await page.goto("/admin/slots"))?.status()).toBe(403);

    const { organization, mentor } = await makeOrganization(db);
    const pending = await makeSlot(db, organization, { status: "pending_review", publishedAt: null });
    await login(mentor);
    expect((await page.goto("/admin/slots"))?.status()).toBe(403);
    const post = await page.request.post("/admin/slots", { headers: { Origin: new URL(baseURL!).origin }, form: { slotId: pending.id, decision: "open" }, maxRedirects: 0 });
    expect(post.status()).toBe(403);
    const [after] = await db.select().from(slots).where(eq(slots.id, pending.id));
    expect(after!.status).toBe("pending_review");
  });

  test("a signed-out visitor is sent to log in from the mentor and admin pages", async ({ page }) => {
    await page.goto("/mentor/slots");
    await expect(page).toHaveURL("/login?redirectTo=%2Fmentor%2Fslots");
    await page.goto("/admin/slots");
    await expect(page).toHaveURL("/login?redirectTo=%2Fadmin%2Fslots");
  });

  test("a slot waiting for review is 404 for the public, students and other mentors; its own mentors see it", async ({ page, db, makeUser, login, expectConsoleError }) => {
    expectConsoleError(loadError(404, /\/slots\/[0-9a-f-]{36}/));
    const { organization, mentor } = await makeOrganization(db);
    const pending = await makeSlot(db, organization, { status: "pending_review", publishedAt: null, title: "Waiting slot", mentorIds: [mentor.id] });

    expect((await page.goto(`/slots/${pending.id}`))?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
    await login(await makeUser({ role: "student" }));
    expect((await page.goto(`/slots/${pending.id}`))?.status()).toBe(404);
    await login((await makeOrganization(db)).mentor);
    expect((await page.goto(`/slots/${pending.id}`))?.status()).toBe(404);

    await login(mentor);
    expect((await page.goto(`/slots/${pending.id}`))?.status()).toBe(200);
    await expect(page.getByText("Not visible to students")).toBeVisible();
  });

  test("a mentor without an organization is told to create one first", async ({ page, makeUser, login }) => {
    await login(await makeUser({ role: "mentor" }));
    await page.goto("/mentor/slots");
    await expect(page.getByRole("heading", { name: "Create your organization first" })).toBeVisible();
    await page.goto("/mentor/slots/new");
    await expect(page.getByRole("heading", { name: "Create your organization first" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Create an organization" })).toBeVisible();
  });
});

test("a mentor closes an open slot and it leaves the public list at once, though signed-out visitors share a few seconds' copy of it", async ({ page, db, login, request }) => {
  const { organization, mentor } = await makeOrganization(db);
  const tag = word();
  const slot = await makeSlot(db, organization, { title: `Closing slot ${tag}`, mentorIds: [mentor.id] });
  // Signed out (no cookie), the list is rendered once and then shared, each copy with its own
  // nonce. (Asked until a copy comes: a change by a journey beside this one empties the cache.)
  const first = await request.get(`/slots?q=${tag}`);
  expect(first.headers()["x-page-cache"]).toBe("miss");
  let copy = first;
  await expect.poll(async () => (copy = await request.get(`/slots?q=${tag}`)).headers()["x-page-cache"]).toBe("hit");
  const nonce = (response: typeof first) => /'nonce-([^']+)'/.exec(response.headers()["content-security-policy"]!)![1]!;
  expect(await copy.text()).toContain(`nonce="${nonce(copy)}"`);
  expect(nonce(copy)).not.toBe(nonce(first));
  expect(await copy.text()).toContain(slot.title);

  await login(mentor);
  await page.goto(`/mentor/slots/${slot.id}`);
  await page.getByRole("button", { name: "Close applications" }).click();
  await expect(page.getByText("Closed: the slot no longer takes applications.")).toBeVisible();
  await page.goto(`/slots?q=${tag}`);
  await expect(page.getByRole("heading", { name: "No open slots match" })).toBeVisible();
  const after = await request.get(`/slots?q=${tag}`);
  expect(after.headers()["x-page-cache"], "the change emptied the shared copies").toBe("miss");
  expect(await after.text()).not.toContain(slot.title);
});

test("keyword search finds a slot by its skill's name or alias and by its organization's name; an empty result says what was searched", async ({ page, db }) => {
  const [orgWord, skillWord, alias] = [word(), word(), word()];
  const skill = await makeSkill(db, { name: `${skillWord} Toolkit`, aliases: [alias] });
  const { organization } = await makeOrganization(db, { name: `${orgWord} Robotics` });
  const slot = await makeSlot(db, organization, { title: `Sensor intern ${word()}`, skills: [[skill.slug, 2, true]] });

  for (const q of [orgWord, skillWord, alias]) {
    await page.goto(`/slots?q=${q}`);
    await expect(page.getByRole("heading", { name: "1 open slot match" })).toBeVisible();
    await expect(page.getByRole("link", { name: slot.title })).toBeVisible();
  }

  await page.goto(`/slots?q=${orgWord}&maxHours=5`);
  await expect(page.getByRole("heading", { name: "No open slot matches all of these" })).toBeVisible();
  const searched = page.getByRole("list", { name: "What was searched" });
  await expect(searched.getByRole("listitem")).toHaveText([`“${orgWord}” in titles, skills, organization names, projects and descriptions`, "At most 5 hours a week"]);
  await page.getByRole("link", { name: `Search “${orgWord}” without filters` }).click();
  await expect(page.getByRole("link", { name: slot.title })).toBeVisible();
});

test("the list sends only what it shows: two lines of a long description, and no skill names until the skill box asks /skills.json, which browsers keep", async ({ page, db, request }) => {
  const [titleWord, tailWord] = [word(), word()];
  const { organization } = await makeOrganization(db);
  const description = `${"A long description of the work, sentence after sentence. ".repeat(20)}The last word is ${tailWord}.`;
  const slot = await makeSlot(db, organization, { title: `Excerpt intern ${titleWord}`, description });

  const response = await page.goto(`/slots?q=${titleWord}`);
  const html = await response!.text();
  expect(html, "the rest of the description stays on the slot's page").not.toContain(tailWord);
  const shown = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: slot.title }) }).locator("p").first();
  await expect(shown).toHaveText(/^A long description of the work, .*…$/);
  expect(((await shown.textContent()) ?? "").length).toBeLessThanOrEqual(281);
  await page.getByRole("link", { name: slot.title }).click();
  await expect(page.getByText(`The last word is ${tailWord}.`)).toBeVisible();

  await page.goto("/slots");
  const options = page.locator("datalist#skill-names option");
  await expect(options).toHaveCount(0);
  await page.getByLabel("Add a skill").focus();
  await expect.poll(() => options.count()).toBeGreaterThan(100);
  await expect(page.locator('datalist#skill-names option[value="Python"]')).toHaveCount(1);

  const names = await request.get("/skills.json");
  expect(names.status()).toBe(200);
  expect(names.headers()["cache-control"]).toBe("public, max-age=3600");
  expect(await names.json()).toContain("Python");
  const again = await request.get("/skills.json", { headers: { "If-None-Match": names.headers()["etag"]! } });
  expect(again.status(), "a browser that kept the list hears it has not changed").toBe(304);
});

test("an admin cannot send a slot back without a reason; with one, the mentors see it and can change the slot", async ({ page, db, login, makeUser, newDevice }) => {
  const { organization, mentor } = await makeOrganization(db, { verified: false });
  const title = `Unverified org slot ${word()}`;
  const slot = await makeSlot(db, organization, { title, status: "pending_review", publishedAt: null, submittedAt: new Date(), mentorIds: [mentor.id] });
  await login(await makeUser({ role: "admin" }));

  const card = await reviewCard(page, title);
  await expect(card.getByText("Why it is here: organization not verified")).toBeVisible();
  await card.getByRole("button", { name: "Send back with this note" }).click();
  const note = card.getByRole("textbox", { name: "Note to the mentors" });
  await expect(card.getByText("Write the reason: the mentors read it and change the slot")).toBeVisible();
  await expect(note).toHaveAttribute("aria-invalid", "true");
  const [still] = await db.select().from(slots).where(eq(slots.id, slot.id));
  expect(still!.status).toBe("pending_review");

  const reason = "Say who mentors the intern day to day, and how many hours a week.";
  await note.fill(reason);
  await card.getByRole("button", { name: "Send back with this note" }).click();
  await expect(page.getByRole("status").filter({ hasText: `“${title}” was sent back to its mentors as a draft.` })).toBeVisible();

  const mentorPage = await newDevice();
  await login(mentor, mentorPage.context());
  await mentorPage.goto("/mentor/slots");
  const item = mentorPage.getByRole("listitem").filter({ hasText: title });
  await expect(item.getByText("Sent back", { exact: true })).toBeVisible();
  await expect(item.getByText(reason)).toBeVisible();
  await item.getByRole("link", { name: "Change the slot and submit it again" }).click();
  await expect(mentorPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(mentorPage.getByRole("button", { name: "Save and submit" })).toBeVisible();
  await openEmail(mentorPage, { to: mentor.email, subject: `Your slot needs changes: ${title}` });
});

test.describe("drafts and the review queue", () => {
  test("a mentor saves a draft with only a title; submitting it says what is missing; filled in, it is submitted", async ({ page, db, login }) => {
    const { mentor } = await makeOrganization(db, { verified: true });
    const title = `Title-only draft ${word()}`;
    await login(mentor);

    await page.goto("/mentor/slots/new");
    await page.getByLabel("Title").fill(title);
    await page.getByRole("button", { name: "Save draft" }).click();
    await expect(page.getByText("Saved as a draft. Students cannot see it until you submit it.")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: title })).toBeVisible();
    const slotId = new URL(page.url()).pathname.split("/").at(-1)!;

    // In the mentor's list, as a draft.
    await page.goto("/mentor/slots");
    const item = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: title }) });
    await expect(item.getByText("Draft", { exact: true })).toBeVisible();
    await expect(item.getByText("1 seat", { exact: true })).toBeVisible(); // the one seat the new-slot form starts with; no dates yet
    await item.getByRole("link", { name: title }).click();
    await expect(page).toHaveURL(`/mentor/slots/${slotId}`);

    // Submitting it: told what is missing, field by field; nothing is sent.
    await page.getByRole("button", { name: "Save and submit" }).click();
    await expect(page.getByText("Enter a description")).toBeVisible();
    await expect(page.getByText("List at least one skill the intern needs")).toBeVisible();
    await expect(page.getByText("Choose how the intern is compensated")).toBeVisible();
    await expect(page.getByText("Choose the start date")).toBeVisible();
    await expect(page.getByLabel("Description")).toHaveAttribute("aria-invalid", "true");
    expect((await db.select({ status: slots.status }).from(slots).where(eq(slots.id, slotId)))[0]?.status).toBe("draft");

    // Filled in, it is submitted.
    await fillUnpaidSlot(page, title);
    await page.getByRole("textbox", { name: "Learning plan" }).fill(LEARNING_PLAN);
    await page.getByRole("button", { name: "Save and submit" }).click();
    await expect(page.getByText("Submitted. An admin reviews it before it opens")).toBeVisible();
    await expect(page.getByText("Waiting for review", { exact: true }).first()).toBeVisible();
  });

  test("a mentor takes a slot waiting for review back to a draft, changes it and submits it again", async ({ page, db, login, makeUser, newDevice }) => {
    const { organization, mentor } = await makeOrganization(db, { verified: false });
    const title = `Withdrawn slot ${word()}`;
    const skill = await makeSkill(db);
    const slot = await makeSlot(db, organization, {
      title,
      description: "Join a four-person team that measures river health with low-cost sensors.",
      project: "An ingestion pipeline that cleans sensor readings and publishes them as open data.",
      skills: [[skill.slug, 2, true]],
      status: "pending_review",
      publishedAt: null,
      submittedAt: new Date(),
      mentorIds: [mentor.id],
    });

    await login(mentor);
    await page.goto(`/mentor/slots/${slot.id}`);
    await page.getByRole("button", { name: "Take it back to a draft" }).click();
    await expect(page.getByText("Taken back from the review queue: it is a draft again.")).toBeVisible();
    await page.getByLabel("Title").fill(`${title} revised`);
    await page.getByRole("button", { name: "Save and submit" }).click();
    await expect(page.getByText("Submitted. An admin reviews it before it opens")).toBeVisible();
    await expect(page.getByRole("heading", { level: 1, name: `${title} revised` })).toBeVisible();

    // Meanwhile the admin's queue showed it no more; now it is back, with the change.
    const adminPage = await newDevice();
    await login(await makeUser({ role: "admin" }), adminPage.context());
    await expect(await reviewCard(adminPage, `${title} revised`)).toBeVisible();
  });
});
