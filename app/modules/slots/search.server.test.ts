import { randomInt } from "node:crypto";
import { describe, expect, test } from "vitest";
import { eq } from "drizzle-orm";
import { organizations, skills, slotSkills, slots, type Organization } from "~db/schema";
import { makeUser } from "~db/test/factories";
import { addDays, addMentor, makeOrganization, makeSkill, makeSlot, makeStudent } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { parseSlotSearch, type SlotSearch } from "./schemas";
import { getSlotForViewer, searchSlots } from "./search.server";

const db = moduleTestDb();

const TODAY = new Date().toISOString().slice(0, 10);

/** A made-up word no other test's slot contains, so a keyword search sees only this test's slots. */
function word() {
  return Array.from({ length: 10 }, () => "bcdfghjklmnpqrtvwxz"[randomInt(19)]).join("");
}

const search = (overrides: Partial<SlotSearch> = {}): SlotSearch => ({ skills: [], modes: [], fitsMe: false, ...overrides });
const ids = (result: { rows: { id: string }[] }) => result.rows.map((r) => r.id);

/** Two slots with the same keyword, different in one respect, and the ids a filter should keep. */
async function pair(organization: Organization, tag: string, a: Parameters<typeof makeSlot>[2], b: Parameters<typeof makeSlot>[2]) {
  const first = await makeSlot(db, organization, { title: `Slot ${tag} one`, ...a });
  const second = await makeSlot(db, organization, { title: `Slot ${tag} two`, ...b });
  return [first.id, second.id] as const;
}

describe("keyword search", () => {
  test("finds slots by words in the title, project or description, best match first", async () => {
    const { organization } = await makeOrganization(db);
    const tag = word();
    const inDescription = await makeSlot(db, organization, { description: `We use ${tag} every day.`, publishedAt: new Date(Date.now() + 2000) });
    const inTitle = await makeSlot(db, organization, { title: `${tag} intern`, publishedAt: new Date(Date.now() - 2000) });
    const inProject = await makeSlot(db, organization, { project: `Build a ${tag} dashboard.` });
    await makeSlot(db, organization, { title: "Nothing to see here" });

    const result = await searchSlots(db, search({ q: tag }));
    expect(ids(result)).toEqual([inTitle.id, inProject.id, inDescription.id]);
    expect(result.sort).toBe("relevance");
  });

  test("finds slots by their skills' names and aliases and by the organization's name, title first", async () => {
    const [tag, alias, orgWord] = [word(), word(), word()];
    const skill = await makeSkill(db, { name: `${tag} Skill`, aliases: [alias] });
    const { organization } = await makeOrganization(db, { name: `${orgWord} Labs` });
    const bySkill = await makeSlot(db, organization, { skills: [[skill.slug, 2, false]], publishedAt: new Date(Date.now() + 2000) });
    const inTitle = await makeSlot(db, organization, { title: `${tag} intern`, publishedAt: new Date(Date.now() - 2000) });
    const other = await makeSlot(db, organization);

    expect(ids(await searchSlots(db, search({ q: tag })))).toEqual([inTitle.id, bySkill.id]);
    expect(ids(await searchSlots(db, search({ q: alias })))).toEqual([bySkill.id]);
    expect(new Set(ids(await searchSlots(db, search({ q: orgWord }))))).toEqual(new Set([bySkill.id, inTitle.id, other.id]));
  });

  test("the search follows every change: a skill added, removed or renamed, an organization renamed", async () => {
    const [before, after, orgBefore, orgAfter] = [word(), word(), word(), word()];
    const skill = await makeSkill(db, { name: `${before} Skill`, aliases: [] });
    const { organization } = await makeOrganization(db, { name: `${orgBefore} Labs` });
    const slot = await makeSlot(db, organization);
    expect(ids(await searchSlots(db, search({ q: before })))).toEqual([]);

    await db.insert(slotSkills).values({ slotId: slot.id, skillSlug: skill.slug, minLevel: 1, required: true });
    expect(ids(await searchSlots(db, search({ q: before })))).toEqual([slot.id]);
    await db.update(skills).set({ name: `${after} Skill` }).where(eq(skills.slug, skill.slug));
    expect(ids(await searchSlots(db, search({ q: before })))).toEqual([]);
    expect(ids(await searchSlots(db, search({ q: after })))).toEqual([slot.id]);
    await db.delete(slotSkills).where(eq(slotSkills.slotId, slot.id));
    expect(ids(await searchSlots(db, search({ q: after })))).toEqual([]);

    await db.update(organizations).set({ name: `${orgAfter} Labs` }).where(eq(organizations.id, organization.id));
    expect(ids(await searchSlots(db, search({ q: orgBefore })))).toEqual([]);
    expect(ids(await searchSlots(db, search({ q: orgAfter })))).toEqual([slot.id]);
    // An edit of the slot's own words keeps what its skills and organization add.
    await db.update(slots).set({ title: "Renamed" }).where(eq(slots.id, slot.id));
    expect(ids(await searchSlots(db, search({ q: orgAfter })))).toEqual([slot.id]);
  });

  test("understands web-search syntax: quoted phrases and -excluded words", async () => {
    const { organization } = await makeOrganization(db);
    const [tag, other] = [word(), word()];
    const both = await makeSlot(db, organization, { title: `${tag} and ${other}` });
    const only = await makeSlot(db, organization, { title: `${tag} alone` });
    expect(ids(await searchSlots(db, search({ q: `${tag} -${other}` })))).toEqual([only.id]);
    expect(ids(await searchSlots(db, search({ q: `"${tag} and ${other}"` })))).toEqual([both.id]);
  });

  test("a keyword of only stop words is ignored rather than matching nothing", async () => {
    const { organization } = await makeOrganization(db);
    const skill = await makeSkill(db);
    const slot = await makeSlot(db, organization, { skills: [[skill.slug, 2, true]] });
    expect(ids(await searchSlots(db, search({ q: "the and of", skills: [skill.slug] })))).toEqual([slot.id]);
  });
});

describe("what is listed", () => {
  test("only open slots whose deadline has not passed: drafts, pending, closed and filled slots are hidden", async () => {
    const { organization } = await makeOrganization(db);
    const tag = word();
    const open = await makeSlot(db, organization, { title: `${tag} open` });
    for (const status of ["draft", "pending_review", "closed", "filled"] as const) await makeSlot(db, organization, { title: `${tag} ${status}`, status });
    // Two days back: one day back can still be "today" west of UTC.
    await makeSlot(db, organization, { title: `${tag} late`, applicationDeadline: addDays(TODAY, -2) });
    expect(ids(await searchSlots(db, search({ q: tag })))).toEqual([open.id]);
  });

  test("a deadline lasts until the end of that day in the slot's time zone", async () => {
    const { organization } = await makeOrganization(db);
    const tag = word();
    const slot = await makeSlot(db, organization, { title: tag, applicationDeadline: "2027-01-10", startDate: "2027-02-01", timezone: "America/Los_Angeles" });
    // 05:00 UTC on the 11th is still the evening of the 10th in Los Angeles.
    expect(ids(await searchSlots(db, search({ q: tag }), { now: new Date("2027-01-11T05:00:00Z") }))).toEqual([slot.id]);
    expect(ids(await searchSlots(db, search({ q: tag }), { now: new Date("2027-01-11T09:00:00Z") }))).toEqual([]);
  });
});

describe("filters", () => {
  test("skills: slots that list every chosen skill, required or nice to have; typed names and aliases work", async () => {
    const { organization } = await makeOrganization(db);
    const [python, sql] = [await makeSkill(db), await makeSkill(db)];
    const both = await makeSlot(db, organization, { skills: [[python.slug, 2, true], [sql.slug, 1, false]] });
    const onlyPython = await makeSlot(db, organization, { skills: [[python.slug, 3, true]] });
    expect(ids(await searchSlots(db, search({ skills: [python.name.toLowerCase()] })))).toEqual(expect.arrayContaining([both.id, onlyPython.id]));
    const result = await searchSlots(db, search({ skills: [python.slug, sql.aliases[0]!, "underwater basket weaving"] }));
    expect(ids(result)).toEqual([both.id]);
    expect(result.skills).toEqual([
      { slug: python.slug, name: python.name, typed: [python.slug] },
      { slug: sql.slug, name: sql.name, typed: [sql.aliases[0]] },
    ]);
    expect(result.unknownSkills).toEqual(["underwater basket weaving"]);
  });

  test("compensation: paid only, paid or stipend, unpaid or course credit", async () => {
    const { organization } = await makeOrganization(db);
    const tag = word();
    const paid = await makeSlot(db, organization, { title: `${tag} paid`, compensation: "paid" });
    const stipend = await makeSlot(db, organization, { title: `${tag} stipend`, compensation: "stipend" });
    const unpaid = await makeSlot(db, organization, { title: `${tag} unpaid`, compensation: "unpaid" });
    const credit = await makeSlot(db, organization, { title: `${tag} credit`, compensation: "course_credit" });
    const run = async (pay: SlotSearch["pay"]) => ids(await searchSlots(db, search({ q: tag, pay }))).sort();
    expect(await run("paid_only")).toEqual([paid.id]);
    expect(await run("paid_or_stipend")).toEqual([paid.id, stipend.id].sort());
    expect(await run("unpaid_or_credit")).toEqual([unpaid.id, credit.id].sort());
    expect(await run(undefined)).toHaveLength(4);
  });

  test("work mode: any of the chosen modes", async () => {
    const { organization } = await makeOrganization(db);
    const tag = word();
    const [remote, onsite] = await pair(organization, tag, { workMode: "remote" }, { workMode: "onsite", city: "Boston" });
    const hybrid = await makeSlot(db, organization, { title: `Slot ${tag} three`, workMode: "hybrid", city: "Boston" });
    expect(ids(await searchSlots(db, search({ q: tag, modes: ["remote"] })))).toEqual([remote]);
    expect(ids(await searchSlots(db, search({ q: tag, modes: ["onsite", "hybrid"] }))).sort()).toEqual([onsite, hybrid.id].sort());
  });

  test("country", async () => {
    const { organization } = await makeOrganization(db);
    const tag = word();
    const [, canadian] = await pair(organization, tag, { country: "US" }, { country: "CA", timezone: "America/Toronto", currency: "CAD" });
    expect(ids(await searchSlots(db, search({ q: tag, country: "CA" })))).toEqual([canadian]);
  });

  test("organization type", async () => {
    const tag = word();
    const startup = await makeOrganization(db, { type: "startup" });
    const lab = await makeOrganization(db, { type: "research_team" });
    await makeSlot(db, startup.organization, { title: `${tag} startup` });
    const labSlot = await makeSlot(db, lab.organization, { title: `${tag} lab` });
    expect(ids(await searchSlots(db, search({ q: tag, organizationType: "research_team" })))).toEqual([labSlot.id]);
  });

  test("hours per week (at most), duration (at most), start date (from)", async () => {
    const { organization } = await makeOrganization(db);
    const tag = word();
    const [short] = await pair(organization, tag, { hoursPerWeek: 10, durationWeeks: 8, startDate: addDays(TODAY, 20) }, { hoursPerWeek: 30, durationWeeks: 24, startDate: addDays(TODAY, 60) });
    const long = ids(await searchSlots(db, search({ q: tag }))).find((id) => id !== short)!;
    expect(ids(await searchSlots(db, search({ q: tag, maxHours: 20 })))).toEqual([short]);
    expect(ids(await searchSlots(db, search({ q: tag, maxHours: 30 })))).toHaveLength(2);
    expect(ids(await searchSlots(db, search({ q: tag, maxWeeks: 12 })))).toEqual([short]);
    expect(ids(await searchSlots(db, search({ q: tag, startFrom: addDays(TODAY, 30) })))).toEqual([long]);
  });

  test("accepts my work authorization: only for a signed-in student with a status, and each result says whether it fits", async () => {
    const { organization } = await makeOrganization(db);
    const tag = word();
    const [cpt] = await pair(organization, tag, { acceptedAuthorizations: ["us_citizen_pr", "us_f1_cpt"] }, { acceptedAuthorizations: ["us_citizen_pr"] });
    const student = { workAuthorization: "us_f1_cpt" as const };

    const filtered = await searchSlots(db, search({ q: tag, fitsMe: true }), { student });
    expect(ids(filtered)).toEqual([cpt]);
    expect(filtered.fitsMeApplied).toBe(true);
    expect(filtered.rows[0]!.fit).toMatchObject({ eligible: true });

    const all = await searchSlots(db, search({ q: tag }), { student });
    expect(all.rows.find((r) => r.id !== cpt)!.fit).toMatchObject({ eligible: false, problems: ["This slot does not accept F-1 CPT."] });

    // Without a student status the filter cannot apply, and says so.
    const anonymous = await searchSlots(db, search({ q: tag, fitsMe: true }));
    expect(ids(anonymous)).toHaveLength(2);
    expect(anonymous.fitsMeApplied).toBe(false);
  });

  test("filters combine, and all of them come from a shared URL", async () => {
    const { organization } = await makeOrganization(db, { type: "nonprofit" });
    const skill = await makeSkill(db);
    const tag = word();
    const match = await makeSlot(db, organization, { title: `${tag} match`, compensation: "unpaid", workMode: "remote", hoursPerWeek: 15, skills: [[skill.slug, 2, true]] });
    await makeSlot(db, organization, { title: `${tag} paid`, compensation: "paid", workMode: "remote", hoursPerWeek: 15, skills: [[skill.slug, 2, true]] });
    await makeSlot(db, organization, { title: `${tag} long`, compensation: "unpaid", workMode: "remote", hoursPerWeek: 35, skills: [[skill.slug, 2, true]] });
    const url = new URLSearchParams({ q: tag, skill: skill.name, pay: "unpaid_or_credit", mode: "remote", orgType: "nonprofit", maxHours: "20", country: "US" });
    expect(ids(await searchSlots(db, parseSlotSearch(url)))).toEqual([match.id]);
  });
});

describe("sorting and paging", () => {
  test("newest first by default; by deadline when asked", async () => {
    const { organization } = await makeOrganization(db);
    const tag = word();
    const older = await makeSlot(db, organization, { title: `${tag} older`, publishedAt: new Date(Date.now() - 60_000), applicationDeadline: addDays(TODAY, 3) });
    const newer = await makeSlot(db, organization, { title: `${tag} newer`, publishedAt: new Date(), applicationDeadline: addDays(TODAY, 10) });
    expect(ids(await searchSlots(db, search({ q: tag, sort: "newest" })))).toEqual([newer.id, older.id]);
    expect(ids(await searchSlots(db, search({ q: tag, sort: "deadline" })))).toEqual([older.id, newer.id]);
  });

  test("twenty slots a page", async () => {
    const { organization } = await makeOrganization(db);
    const tag = word();
    for (let i = 0; i < 21; i++) await makeSlot(db, organization, { title: `${tag} number ${i}` });
    const first = await searchSlots(db, search({ q: tag }), { page: 1 });
    const second = await searchSlots(db, search({ q: tag }), { page: 2 });
    expect([first.rows.length, second.rows.length, first.pages, first.total]).toEqual([20, 1, 2, 21]);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(21);
  });
});

describe("getSlotForViewer", () => {
  test("an open slot is public; mentors' emails are not", async () => {
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { mentorIds: [mentor.id] });
    const seen = await getSlotForViewer(db, { slotId: slot.id, viewer: null });
    expect(seen).toMatchObject({ slot: { id: slot.id }, canManage: false, acceptingApplications: true, mentors: [{ id: mentor.id, name: mentor.name }] });
    expect(seen!.mentors[0]).not.toHaveProperty("email");
  });

  test("the public page carries the organization's name and place, not its street address or who created and verified it", async () => {
    const { organization, mentor } = await makeOrganization(db);
    await db.update(organizations).set({ address: "12 Home Street, Apt 3" }).where(eq(organizations.id, organization.id));
    const slot = await makeSlot(db, organization, { mentorIds: [mentor.id] });
    const seen = await getSlotForViewer(db, { slotId: slot.id, viewer: null });
    expect(seen!.organization).toMatchObject({ id: organization.id, name: organization.name });
    expect(JSON.stringify(seen)).not.toContain("12 Home Street");
    for (const key of ["address", "createdBy", "verifiedBy"]) expect(seen!.organization).not.toHaveProperty(key);
  });

  test("a draft slot is on no public page, not even for its own mentors and admins: it may have only a title; its mentors see it in its form", async () => {
    const { organization, mentor } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { status: "draft", mentorIds: [mentor.id] });
    const admin = await makeUser(db, { role: "admin" });
    expect(await getSlotForViewer(db, { slotId: slot.id, viewer: null })).toBeNull();
    expect(await getSlotForViewer(db, { slotId: slot.id, viewer: { id: mentor.id, role: "mentor" } })).toBeNull();
    expect(await getSlotForViewer(db, { slotId: slot.id, viewer: { id: admin.id, role: "admin" } })).toBeNull();
  });

  test.each(["pending_review", "closed", "filled"] as const)(
    "a %s slot: 404 for the public, students and other organizations; visible to its own mentors and admins",
    async (status) => {
      const { organization, mentor } = await makeOrganization(db);
      const colleague = await addMentor(db, organization);
      const slot = await makeSlot(db, organization, { status, mentorIds: [mentor.id] });
      const student = await makeStudent(db, "us_f1_cpt");
      const outsider = await makeOrganization(db);
      const admin = await makeUser(db, { role: "admin" });
      expect(await getSlotForViewer(db, { slotId: slot.id, viewer: null })).toBeNull();
      expect(await getSlotForViewer(db, { slotId: slot.id, viewer: { id: student.id, role: "student" } })).toBeNull();
      expect(await getSlotForViewer(db, { slotId: slot.id, viewer: { id: outsider.mentor.id, role: "mentor" } })).toBeNull();
      expect(await getSlotForViewer(db, { slotId: slot.id, viewer: { id: colleague.id, role: "mentor" } })).toMatchObject({ canManage: true, mentors: [{ email: mentor.email }] });
      expect(await getSlotForViewer(db, { slotId: slot.id, viewer: { id: admin.id, role: "admin" } })).toMatchObject({ slot: { status } });
    },
  );

  test("an open slot past its deadline is shown, no longer taking applications; a bad id is null", async () => {
    const { organization } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { applicationDeadline: addDays(TODAY, -2) });
    expect(await getSlotForViewer(db, { slotId: slot.id, viewer: null })).toMatchObject({ acceptingApplications: false });
    expect(await getSlotForViewer(db, { slotId: "../etc/passwd", viewer: null })).toBeNull();
  });

  test("a student on STEM OPT reading an unpaid slot gets a personal note that it cannot count toward STEM OPT", async () => {
    const { organization } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { compensation: "unpaid", acceptedAuthorizations: ["us_citizen_pr", "us_f1_stem_opt"] });
    const student = await makeStudent(db, "us_f1_stem_opt");
    const seen = await getSlotForViewer(db, { slotId: slot.id, viewer: { id: student.id, role: "student" } });
    expect(seen?.authorizationNote).toMatchObject({ status: "us_f1_stem_opt", short: "F-1 STEM OPT", fit: { eligible: false } });
    expect(seen!.authorizationNote!.fit.problems).toContain("STEM OPT needs a paid position — wages, or a stipend of at least the minimum wage for the hours; this slot is unpaid.");
    expect(seen!.authorizationNote!.confirm).toContain("E-Verify");
  });

  test("a CPT student gets the things to confirm; a student without a status is asked to add one", async () => {
    const { organization } = await makeOrganization(db);
    const slot = await makeSlot(db, organization, { acceptedAuthorizations: ["us_f1_cpt"], hoursPerWeek: 30 });
    const cpt = await makeStudent(db, "us_f1_cpt");
    const note = (await getSlotForViewer(db, { slotId: slot.id, viewer: { id: cpt.id, role: "student" } }))!.authorizationNote!;
    expect(note.fit.eligible).toBe(true);
    expect(note.fit.warnings).toEqual(expect.arrayContaining([expect.stringContaining("DSO must authorize CPT"), expect.stringContaining("CPT of at most 20 hours a week during term")]));

    const newcomer = await makeStudent(db, null);
    expect(await getSlotForViewer(db, { slotId: slot.id, viewer: { id: newcomer.id, role: "student" } })).toMatchObject({ authorizationNote: null, studentWithoutStatus: true });
  });
});
