import { parseWithZod } from "@conform-to/zod/v4";
import { eq } from "drizzle-orm";
import { describe, expect, test } from "vitest";
import { studentProfiles, studentProjects, studentSkills, users } from "~db/schema";
import { makeMentor, makeOrganization, makeUser } from "~db/test/factories";
import { moduleTestDb } from "~db/test/module-db";
import { canViewStudentProfile, getStudentProfile, getStudentProfileView, saveStudentProfile } from "./profiles.server";
import { ProfileSchema, type ProfileInput } from "./schemas";

const db = moduleTestDb();

/** The profile form as a student would submit it, parsed the way the route does. */
function form(fields: Record<string, string | string[]>): ProfileInput {
  const formData = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) formData.append(k, value);
  const result = parseWithZod(formData, { schema: ProfileSchema });
  if (result.status !== "success") throw new Error(JSON.stringify(result.reply().error));
  return result.value;
}

const FULL = {
  school: "University of Waterloo",
  program: "Computer Science",
  degree: "bachelor",
  graduationDate: "2027-04-30",
  "projects[0].title": "Budget app",
  "projects[0].description": "Built the API and the tests",
  "projects[0].url": "https://github.com/amara/budget",
  "projects[1].title": "Lab scheduler",
  "projects[1].description": "Wrote the scheduling algorithm",
  "skills[0].skill": "js",
  "skills[0].level": "3",
  "skills[1].skill": "PostgreSQL",
  "skills[1].level": "2",
  githubUrl: "https://github.com/amara",
  languages: "English, Yoruba",
  country: "CA",
  city: "Waterloo",
  timezone: "America/Toronto",
  availableFrom: "2026-05-04",
  availableWeeks: "16",
  hoursPerWeekTerm: "10",
  hoursPerWeekBreak: "40",
  workModes: ["remote", "hybrid"],
  workAuthorization: "us_f1_opt_pre",
  authorizationValidFrom: "2026-05-01",
  authorizationValidUntil: "2027-04-30",
  compensation: "paid_or_stipend",
  goals: ["mentorship", "return_offer"],
  inMatching: "on",
};

async function studentWithProfile(fields: Record<string, string | string[]> = {}) {
  const student = await makeUser(db);
  const saved = await saveStudentProfile(db, student.id, form({ ...FULL, ...fields }));
  expect(saved).toEqual({ ok: true });
  return student;
}

async function verifiedMentor() {
  const mentor = await makeMentor(db);
  await makeOrganization(db, { members: [mentor], verifiedAt: new Date() });
  return mentor;
}

describe("saveStudentProfile and getStudentProfile", () => {
  test("saves every section, with skills resolved from aliases", async () => {
    const student = await studentWithProfile();
    const profile = await getStudentProfile(db, student.id);
    expect(profile).toMatchObject({
      userId: student.id,
      name: student.name,
      school: "University of Waterloo",
      degree: "bachelor",
      languages: ["English", "Yoruba"],
      timezone: "America/Toronto",
      hoursPerWeekTerm: 10,
      workModes: ["remote", "hybrid"],
      workAuthorization: "us_f1_opt_pre",
      authorizationValidUntil: "2027-04-30",
      goals: ["mentorship", "return_offer"],
      inMatching: true,
      visibleToMentors: false,
      skills: [
        { slug: "javascript", name: "JavaScript", level: 3 },
        { slug: "postgresql", name: "PostgreSQL", level: 2 },
      ],
      projects: [
        { title: "Budget app", description: "Built the API and the tests", url: "https://github.com/amara/budget" },
        { title: "Lab scheduler", description: "Wrote the scheduling algorithm", url: null },
      ],
    });
    expect(profile!.updatedAt).toBeInstanceOf(Date);
  });

  test("saving again replaces skills and projects, and clears what was emptied", async () => {
    const student = await studentWithProfile();
    const result = await saveStudentProfile(
      db,
      student.id,
      form({ school: "McGill University", "skills[0].skill": "k8s", "skills[0].level": "1", "projects[0].title": "Cluster", "projects[0].description": "Ran it" }),
    );
    expect(result).toEqual({ ok: true });
    const profile = await getStudentProfile(db, student.id);
    expect(profile).toMatchObject({ school: "McGill University", program: null, workAuthorization: null, inMatching: false, goals: [] });
    expect(profile!.skills.map((s) => s.slug)).toEqual(["kubernetes"]);
    expect(profile!.projects.map((p) => p.title)).toEqual(["Cluster"]);
    expect(await db.select().from(studentSkills).where(eq(studentSkills.userId, student.id))).toHaveLength(1);
    expect(await db.select().from(studentProjects).where(eq(studentProjects.userId, student.id))).toHaveLength(1);
  });

  test("an unknown skill saves nothing and names its row", async () => {
    const student = await studentWithProfile();
    const result = await saveStudentProfile(db, student.id, form({ ...FULL, school: "Changed", "skills[2].skill": "foo", "skills[2].level": "2" }));
    expect(result).toEqual({ ok: false, error: "unknown_skills", rows: [{ skill: "foo", index: 2 }] });
    const profile = await getStudentProfile(db, student.id);
    expect(profile!.school).toBe("University of Waterloo");
    expect(profile!.skills).toHaveLength(2);
  });

  test("a student who never saved gets an empty profile; a mentor or unknown id is no student", async () => {
    const student = await makeUser(db);
    expect(await getStudentProfile(db, student.id)).toMatchObject({ school: null, skills: [], projects: [], updatedAt: null, email: student.email });
    expect(await getStudentProfile(db, (await makeMentor(db)).id)).toBeNull();
    expect(await getStudentProfile(db, crypto.randomUUID())).toBeNull();
    expect(await getStudentProfile(db, "not-a-uuid")).toBeNull();
  });

  test("a database failure is reported without the profile's values (work authorization stays out of logs)", async () => {
    const ghost = crypto.randomUUID(); // no such user: the foreign key refuses the insert
    const error = await saveStudentProfile(db, ghost, form({ workAuthorization: "us_f1_stem_opt" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(String((error as Error).message)).not.toMatch(/stem_opt|us_f1/);
    expect((error as Error).cause).toBeUndefined();
  });
});

describe("who may see a student's profile", () => {
  test("the student themself", async () => {
    const student = await studentWithProfile();
    expect(await canViewStudentProfile(db, student, student.id)).toBe("self");
  });

  test("not another student", async () => {
    const student = await studentWithProfile({ visibleToMentors: "on" });
    const other = await makeUser(db);
    expect(await canViewStudentProfile(db, other, student.id)).toBeNull();
    expect(await getStudentProfileView(db, other, student.id)).toBeNull();
  });

  test("an admin, with the status", async () => {
    const student = await studentWithProfile();
    const admin = await makeUser(db, { role: "admin" });
    const view = await getStudentProfileView(db, admin, student.id);
    expect(view).toMatchObject({ viewedAs: "admin", email: student.email, authorization: { status: "us_f1_opt_pre" }, authorizationHidden: false });
  });

  test("not a mentor of an unverified organization, even when the student opted in", async () => {
    const student = await studentWithProfile({ visibleToMentors: "on" });
    const mentor = await makeMentor(db);
    await makeOrganization(db, { members: [mentor] });
    expect(await canViewStudentProfile(db, mentor, student.id)).toBeNull();
  });

  test("not a mentor without an organization", async () => {
    const student = await studentWithProfile({ visibleToMentors: "on" });
    expect(await canViewStudentProfile(db, await makeMentor(db), student.id)).toBeNull();
  });

  test("not a verified mentor when the student did not opt in", async () => {
    const student = await studentWithProfile();
    expect(await canViewStudentProfile(db, await verifiedMentor(), student.id)).toBeNull();
  });

  test("a verified mentor when the student opted in — without the status, dates, email or settings", async () => {
    const student = await studentWithProfile({ visibleToMentors: "on" });
    const view = await getStudentProfileView(db, await verifiedMentor(), student.id);
    expect(view).toMatchObject({ viewedAs: "mentor", school: "University of Waterloo", authorization: null, authorizationHidden: true, email: null, privacy: null });
    expect(view!.skills).toHaveLength(2);
    expect(JSON.stringify(view)).not.toMatch(/us_f1_opt_pre|authorizationValid|shareAuthorization|inMatching|visibleToMentors/);
    expect(view).not.toHaveProperty("workAuthorization");
    expect(view).not.toHaveProperty("authorizationValidUntil");
  });

  test("a verified mentor sees the status and its dates when the student shares it", async () => {
    const student = await studentWithProfile({ visibleToMentors: "on", shareAuthorization: "on" });
    const view = await getStudentProfileView(db, await verifiedMentor(), student.id);
    expect(view!.authorization).toEqual({ status: "us_f1_opt_pre", validFrom: "2026-05-01", validUntil: "2027-04-30" });
    expect(view!.authorizationHidden).toBe(false);
  });

  test("not a verified mentor once the student's account is suspended", async () => {
    const student = await studentWithProfile({ visibleToMentors: "on" });
    await db.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, student.id));
    expect(await canViewStudentProfile(db, await verifiedMentor(), student.id)).toBeNull();
  });

  test("the same answer for an id that does not exist, is not a student's, or is no id", async () => {
    const admin = await makeUser(db, { role: "admin" });
    const mentor = await verifiedMentor();
    for (const id of [crypto.randomUUID(), mentor.id, "42", "../admin"]) {
      expect(await canViewStudentProfile(db, admin, id)).toBeNull();
      expect(await canViewStudentProfile(db, mentor, id)).toBeNull();
    }
  });

  test("opting out again hides the profile from mentors", async () => {
    const student = await studentWithProfile({ visibleToMentors: "on" });
    const mentor = await verifiedMentor();
    expect(await canViewStudentProfile(db, mentor, student.id)).toBe("mentor");
    await db.update(studentProfiles).set({ visibleToMentors: false }).where(eq(studentProfiles.userId, student.id));
    expect(await canViewStudentProfile(db, mentor, student.id)).toBeNull();
  });
});
