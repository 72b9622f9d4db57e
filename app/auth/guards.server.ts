import { redirect } from "@remix-run/node";
import { getDb } from "~db/client.server";
import type { UserRole } from "~db/schema";
import { readSessionToken } from "./cookie.server";
import { validateSessionToken, type SessionUser } from "./session.server";
import { notFound } from "~/responses.server";

export type AuthenticatedRequest = { user: SessionUser; sessionId: string };

// why: a page's loaders (the root's and the route's) run side by side and each asks who is
// signed in; Remix hands each its own copy of the request, so they share the lookup by session
// token while it is under way. Nothing is kept once it answers: the next request asks again.
const lookups = new Map<string, ReturnType<typeof validateSessionToken>>();

/** The lookup getAuth runs; an object so a test can count its calls (vi.spyOn). */
export const sessionLookup = { validate: validateSessionToken };

/** The signed-in user and session for this request, or null. */
export async function getAuth(request: Request): Promise<AuthenticatedRequest | null> {
  const token = readSessionToken(request);
  if (!token) return null;
  let lookup = lookups.get(token);
  if (!lookup) {
    lookup = sessionLookup.validate(getDb(), token).finally(() => lookups.delete(token));
    lookups.set(token, lookup);
  }
  const result = await lookup;
  return result ? { user: { ...result.user }, sessionId: result.session.id } : null;
}

/** Only local paths: an absolute or protocol-relative URL would make an open redirect. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/") {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  // why: a control character (NUL, a newline) cannot go into a Location header: Node throws, and the page answered 500.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  return to;
}

function loginRedirect(request: Request) {
  const url = new URL(request.url);
  const here = `${url.pathname}${url.search}`;
  return redirect(`/login?redirectTo=${encodeURIComponent(here)}`);
}

/** Sends a signed-out visitor to log in (and back here afterwards). */
export async function requireAuth(request: Request): Promise<AuthenticatedRequest> {
  const auth = await getAuth(request);
  if (!auth) throw loginRedirect(request);
  return auth;
}

export async function requireUser(request: Request): Promise<SessionUser> {
  return (await requireAuth(request)).user;
}

/** A signed-in user with one of `roles`; anyone else signed in gets 403. */
export async function requireRole(request: Request, ...roles: UserRole[]): Promise<SessionUser> {
  const user = await requireUser(request);
  if (!roles.includes(user.role)) {
    const audience = roles.map((r) => ({ student: "students", mentor: "mentors", admin: "admins" })[r]).join(" and ");
    throw new Response(`This page is for ${audience}, and you are signed in as a ${user.role}.`, { status: 403 });
  }
  return user;
}

/** For pages only a signed-out visitor needs (login, signup): a signed-in user goes home. */
export async function requireAnonymous(request: Request) {
  if (await getAuth(request)) throw redirect("/");
}

/** Development tools (the local mailbox) do not exist in production: 404 there. */
export function requireDevelopmentTools() {
  if (process.env.NODE_ENV === "production") throw notFound();
}
