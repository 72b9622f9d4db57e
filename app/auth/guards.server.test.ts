import { afterAll, afterEach, beforeEach, describe, expect, test, vi, type MockInstance } from "vitest";
import { closeDb, getDb } from "~db/client.server";
import { makeUser } from "~db/test/factories";
import { sessionCookieName } from "./cookie.server";
import { getAuth, sessionLookup } from "./guards.server";
import { createSession, invalidateSession } from "./session.server";

const db = getDb();
afterAll(() => closeDb());
let validateSessionToken: MockInstance<typeof sessionLookup.validate>;
beforeEach(() => {
  validateSessionToken = vi.spyOn(sessionLookup, "validate");
});
afterEach(() => validateSessionToken.mockRestore());

const requestWith = (token: string) => new Request("http://localhost/", { headers: { Cookie: `${sessionCookieName()}=${encodeURIComponent(token)}` } });

describe("getAuth", () => {
  test("a page's loaders asking at once share one lookup, and each gets the person", async () => {
    const user = await makeUser(db);
    const { token, session } = await createSession(db, user.id);
    const [root, page] = await Promise.all([getAuth(requestWith(token)), getAuth(requestWith(token))]);
    expect(root).toMatchObject({ sessionId: session.id, user: { id: user.id, email: user.email } });
    expect(page).toEqual(root);
    expect(page!.user).not.toBe(root!.user);
    expect(validateSessionToken).toHaveBeenCalledTimes(1);
  });

  test("nothing is kept once a lookup answers: a session ended after it is seen ended", async () => {
    const user = await makeUser(db);
    const { token, session } = await createSession(db, user.id);
    expect(await getAuth(requestWith(token))).not.toBeNull();
    await invalidateSession(db, session.id);
    expect(await getAuth(requestWith(token))).toBeNull();
    expect(validateSessionToken).toHaveBeenCalledTimes(2);
  });

  test("different people asking at once each get their own answer; no cookie asks nothing", async () => {
    const [a, b] = await Promise.all([makeUser(db), makeUser(db)]);
    const [sa, sb] = await Promise.all([createSession(db, a.id), createSession(db, b.id)]);
    const [ra, rb, none] = await Promise.all([getAuth(requestWith(sa.token)), getAuth(requestWith(sb.token)), getAuth(new Request("http://localhost/"))]);
    expect([ra!.user.id, rb!.user.id, none]).toEqual([a.id, b.id, null]);
    expect(validateSessionToken).toHaveBeenCalledTimes(2);
  });

  test("a failed lookup is not kept either", async () => {
    const user = await makeUser(db);
    const { token } = await createSession(db, user.id);
    validateSessionToken.mockRejectedValueOnce(new Error("connection lost"));
    await expect(getAuth(requestWith(token))).rejects.toThrow("connection lost");
    expect(await getAuth(requestWith(token))).toMatchObject({ user: { id: user.id } });
  });
});
