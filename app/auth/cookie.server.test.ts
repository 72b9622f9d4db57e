import { expect, test } from "vitest";
import { shipsProductionPolicy } from "~/env.server";
import { clearedSessionCookie, readSessionToken, sessionCookie } from "./cookie.server";

test("only development relaxes production's browser policy; the journeys' mode (test) gets it whole", () => {
  const modes = ["development", "test", "production"] as const;
  expect(modes.map((NODE_ENV) => shipsProductionPolicy({ NODE_ENV }))).toEqual([false, true, true]);
});

// Vitest runs with NODE_ENV=test, as the journeys' server does.
test("outside development the session cookie is production's: __Host- prefixed and Secure", () => {
  expect(sessionCookie("abc.def")).toMatch(/^__Host-steppingstone_session=abc\.def; Path=\/; HttpOnly; SameSite=Lax; Max-Age=5184000; Secure$/);
  expect(clearedSessionCookie()).toBe("__Host-steppingstone_session=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0; Secure");

  const request = (cookie: string) => new Request("http://localhost/", { headers: { Cookie: cookie } });
  expect(readSessionToken(request("steppingstone_session=old; __Host-steppingstone_session=abc.def"))).toBe("abc.def");
  expect(readSessionToken(request("steppingstone_session=abc.def"))).toBeNull();
});
