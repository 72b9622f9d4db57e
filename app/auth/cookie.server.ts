import { shipsProductionPolicy } from "~/env.server";
import { SESSION_MAX_AGE_MS } from "./session.server";

// why: the __Host- prefix needs Secure, and browsers take Secure cookies over plain http only
// from localhost. Production (https) and the journeys (localhost) use it; `npm run dev` does
// not, so the app can be tried from another machine on the network over http.
export function sessionCookieName() {
  return shipsProductionPolicy() ? "__Host-steppingstone_session" : "steppingstone_session";
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
  if (shipsProductionPolicy()) attributes.push("Secure");
  return attributes.join("; ");
}

export function sessionCookie(token: string) {
  return serialize(token, Math.floor(SESSION_MAX_AGE_MS / 1000));
}

export function clearedSessionCookie() {
  return serialize("", 0);
}
