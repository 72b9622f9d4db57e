import { getEnv } from "~/env.server";
import { SESSION_MAX_AGE_MS } from "./session.server";

// why: the __Host- prefix needs Secure, and browsers refuse Secure cookies over plain http
// on anything but localhost, so it is used only in production (always https there).
export function sessionCookieName() {
  return getEnv().NODE_ENV === "production" ? "__Host-steppingstone_session" : "steppingstone_session";
}

export function readSessionToken(request: Request) {
  const header = request.headers.get("Cookie");
  if (!header) return null;
  const name = sessionCookieName();
  for (const part of header.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

function serialize(value: string, maxAgeSeconds: number) {
  const attributes = [`${sessionCookieName()}=${encodeURIComponent(value)}`, "Path=/", "HttpOnly", "SameSite=Lax", `Max-Age=${maxAgeSeconds}`];
  if (getEnv().NODE_ENV === "production") attributes.push("Secure");
  return attributes.join("; ");
}

export function sessionCookie(token: string) {
  return serialize(token, Math.floor(SESSION_MAX_AGE_MS / 1000));
}

export function clearedSessionCookie() {
  return serialize("", 0);
}
