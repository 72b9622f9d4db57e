import { eq } from "drizzle-orm";
import { emails, users } from "~db/schema";
import { createSession } from "~/auth/session.server";
import { SESSION_COOKIE, expect, makeOrganization, test } from "./fixtures";

// The access matrix of the admin area: every admin page and every admin download, asked by
// someone signed out, a student, a mentor and an admin. Only the admin gets the page; the others
// are sent to log in (signed out) or refused with 403 (signed in), for reading and for writing.

/** Admin pages, read with GET. `:user` is replaced by a real account's id. */
const PAGES = [
  "/admin",
  "/admin/insights",
  "/admin/insights?compensation=unpaid&authorizationGroup=us_student",
  "/admin/users",
  "/admin/users?q=a&role=mentor",
  "/admin/users/:user",
  "/admin/exports",
  "/admin/organizations",
  "/admin/slots",
  "/admin/matches",
  "/admin/stalled",
  "/admin/audit",
];

/** Admin forms, posted: the body names a real account, so a refusal is the guard and not a bad form. */
const POSTS: { path: string; form: Record<string, string> }[] = [
  { path: "/admin/users/:user", form: { intent: "suspend", reason: "Access matrix: must not suspend" } },
  { path: "/admin/users/:user", form: { intent: "resend_verification" } },
  { path: "/admin/users/:user", form: { intent: "grant_admin", confirm: "on" } },
  { path: "/admin/exports", form: { kind: "applications" } },
  { path: "/admin/stalled", form: { intent: "nudge", matchId: "00000000-0000-4000-8000-000000000000" } },
];

test("only an admin opens or posts to an admin page: others are sent to log in or refused", async ({ request, db, makeUser, baseURL }) => {
  const target = await makeUser({ role: "mentor", name: "Matrix Target", verified: false });
  await makeOrganization(db, { members: [target] });
  const cookieOf = async (role: "student" | "mentor" | "admin") => {
    const user = await makeUser({ role });
    const { token } = await createSession(db, user.id, "matrix");
    return `${SESSION_COOKIE}=${encodeURIComponent(token)}`;
  };
  const actors = { anonymous: null, student: await cookieOf("student"), mentor: await cookieOf("mentor"), admin: await cookieOf("admin") } as const;
  const at = (path: string) => path.replace(":user", target.id);

  for (const [actor, cookie] of Object.entries(actors)) {
    const headers = cookie ? { Cookie: cookie } : undefined;
    for (const path of PAGES) {
      const response = await request.get(at(path), { headers, maxRedirects: 0 });
      const where = `${actor} GET ${path}`;
      if (actor === "anonymous") {
        expect(response.status(), where).toBe(302);
        expect(response.headers().location, where).toMatch(/^\/login\?redirectTo=/);
      } else if (actor === "admin") {
        expect(response.status(), where).toBe(200);
      } else {
        expect(response.status(), where).toBe(403);
      }
    }
    if (actor === "admin") continue;
    for (const { path, form } of POSTS) {
      const response = await request.post(at(path), { headers: { ...headers, Origin: baseURL! }, form, maxRedirects: 0 });
      const where = `${actor} POST ${path} ${form.intent ?? form.kind}`;
      expect(response.status(), where).toBe(actor === "anonymous" ? 302 : 403);
    }
  }

  // Nothing the refused posts asked for happened.
  const [after] = await db.select().from(users).where(eq(users.id, target.id));
  expect(after!.suspendedAt).toBeNull();
  expect(after!.role).toBe("mentor");
  const sent = await db.select({ to: emails.to }).from(emails);
  expect(sent.filter((e) => e.to.includes(target.email))).toEqual([]);
});
