import { eq } from "drizzle-orm";
import { sessions, users } from "~db/schema";
import { validateSessionToken } from "~/auth/session.server";
import { contentSecurityPolicy, STRICT_TRANSPORT_SECURITY } from "../server/security";
import { expect, header, loadError, SESSION_COOKIE, submitLogin, test, uniqueEmail } from "./fixtures";

const CROSS_SITE = { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" };
const REFUSAL = "This request did not come from Steppingstone's own pages, so it was refused. Nothing was changed.";

test("a cross-origin login is refused and starts no session", async ({ request, baseURL, db, makeUser }) => {
  const user = await makeUser();
  const form = { email: user.email, password: user.password };
  const userSessions = () => db.select().from(sessions).where(eq(sessions.userId, user.id));

  const refused = await request.post("/login", { form, headers: CROSS_SITE, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toBe(REFUSAL);
  expect(refused.headers()["set-cookie"]).toBeUndefined();
  expect(await userSessions()).toHaveLength(0);

  // The same request from the app's own origin logs in: the refusal above is about the origin.
  const accepted = await request.post("/login", { form, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(accepted.status()).toBe(302);
  expect(accepted.headers()["set-cookie"]).toContain(`${SESSION_COOKIE}=`);
  expect(await userSessions()).toHaveLength(1);
});

test("a cross-origin logout is refused and the session stays valid", async ({ page, request, db, makeUser, login }) => {
  const user = await makeUser({ name: "Hana Novak" });
  const { token } = await login(user);

  const refused = await request.post("/logout", { headers: { ...CROSS_SITE, Cookie: `${SESSION_COOKIE}=${token}` }, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(refused.headers()["set-cookie"]).toBeUndefined();

  expect(await validateSessionToken(db, token)).not.toBeNull();
  await page.goto("/account");
  await expect(header(page).getByRole("link", { name: /Hana Novak/ })).toBeVisible();
});

test("a cross-origin signup is refused and creates no account", async ({ request, baseURL, db }) => {
  const email = uniqueEmail("forged");
  const form = { role: "student", name: "Forged Signup", email, password: "a perfectly fine passphrase" };
  const accounts = () => db.select().from(users).where(eq(users.email, email));

  const refused = await request.post("/signup", { form, headers: CROSS_SITE, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toBe(REFUSAL);
  expect(await accounts()).toHaveLength(0);

  // The same form from the app's own origin does create the account.
  const accepted = await request.post("/signup", { form, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  expect(accepted.status()).toBe(302);
  expect(await accounts()).toHaveLength(1);
});

test("a POST that names no origin at all is refused", async ({ request, db }) => {
  const email = uniqueEmail("anonymous");
  const form = { role: "mentor", name: "No Origin", email, password: "a perfectly fine passphrase" };

  const refused = await request.post("/signup", { form, maxRedirects: 0 });
  expect(refused.status()).toBe(403);
  expect(await db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
});

test("a same-site page on another origin is refused too", async ({ request, makeUser }) => {
  const user = await makeUser();
  const refused = await request.post("/login", {
    form: { email: user.email, password: user.password },
    // A sibling subdomain: same site, different origin, and an Origin header that does not match.
    headers: { Origin: "https://blog.localhost", "Sec-Fetch-Site": "same-site" },
    maxRedirects: 0,
  });
  expect(refused.status()).toBe(403);
});

test("resource routes refuse cross-origin POSTs as well", async ({ request }) => {
  // /healthz has no action: without the origin check this would be a 405, not this refusal.
  const refused = await request.post("/healthz", { headers: CROSS_SITE });
  expect(refused.status()).toBe(403);
  expect(await refused.text()).toBe(REFUSAL);
});

test("every page sends a nonce-based Content-Security-Policy and the other security headers", async ({ request }) => {
  for (const path of ["/", "/login", "/signup", "/forgot-password", "/slots", "/dev/mailbox", "/no-such-page"]) {
    const response = await request.get(path);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /script-src 'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];

    expect(nonce, `${path}: CSP "${csp}"`).toBeTruthy();
    expect(csp, path).toContain("frame-ancestors 'none'");
    expect(csp, path).toContain("object-src 'none'");
    expect(csp, path).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["referrer-policy"], path).toBe("strict-origin-when-cross-origin");

    // Every script the page carries has that request's nonce, so the policy lets the app run.
    const html = await response.text();
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
  }

  const nonces = await Promise.all(
    [1, 2].map(async () => /'nonce-([^']+)'/.exec((await request.get("/login")).headers()["content-security-policy"] ?? "")?.[1]),
  );
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("the journeys' server sends production's policy: its CSP, HSTS and session cookie", async ({ request, makeUser, baseURL }) => {
  for (const path of ["/", "/login", "/no-such-page"]) {
    const headers = (await request.get(path)).headers();
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1] ?? "";
    expect(csp, path).toBe(contentSecurityPolicy(nonce, { productionPolicy: true }));
    // Production's policy by its own words, so a change to the function cannot relax it unseen.
    expect(csp, path).toContain("style-src 'self';");
    expect(csp, path).toContain("connect-src 'self';");
    expect(csp, path).not.toContain("unsafe-inline");
    expect(csp, path).not.toContain("ws:");
    expect(headers["strict-transport-security"], path).toBe(STRICT_TRANSPORT_SECURITY);
  }

  const user = await makeUser();
  const response = await request.post("/login", { form: { email: user.email, password: user.password }, headers: { Origin: new URL(baseURL!).origin }, maxRedirects: 0 });
  const setCookie = response.headers()["set-cookie"] ?? "";
  expect(setCookie).toMatch(/^__Host-steppingstone_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
});

test("the app runs under production's policy: signing in breaks none of it, and an inline style would", async ({ page, makeUser, expectConsoleError }) => {
  const user = await makeUser({ name: "Aiko Tanaka" });
  await page.goto("/login");
  await submitLogin(page, user);
  await expect(header(page).getByRole("link", { name: /Aiko Tanaka/ })).toBeVisible();

  // The fixtures fail any test whose pages break the policy; here is a break they must see. A style
  // attribute is what production's CSP refuses — every score bar once drew full that way.
  expectConsoleError(/inline style violates the following Content Security Policy directive 'style-src 'self''/);
  expectConsoleError(/securitypolicyviolation: style-src-attr blocked inline/);
  const reported = page.waitForEvent("console", (message) => message.text().startsWith("securitypolicyviolation:"));
  const width = await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", '<div id="probe" style="width: 10px; height: 1px"></div>');
    return document.getElementById("probe")!.getBoundingClientRect().width;
  });
  expect(width).not.toBe(10);
  await reported;
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context, makeUser }) => {
  const user = await makeUser();
  await page.goto("/login");
  const response = await submitLogin(page, user);
  await expect(header(page).getByRole("link", { name: /Jordan Test/ })).toBeVisible();

  const setCookie = (await response.headerValue("set-cookie")) ?? "";
  expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
  expect(setCookie).toContain("HttpOnly");
  expect(setCookie).toContain("SameSite=Lax");
  expect(setCookie).toContain("Path=/");

  const cookie = (await context.cookies()).find((c) => c.name === SESSION_COOKIE);
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
  expect(await page.evaluate(() => document.cookie)).not.toContain(SESSION_COOKIE);
});

test("/healthz answers 200 with JSON", async ({ request }) => {
  const response = await request.get("/healthz");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toEqual({ status: "ok", database: "reachable" });
});

test("an unknown address shows the 404 page with a way home", async ({ page, expectConsoleError }) => {
  expectConsoleError(loadError(404, "/this/page/does-not-exist"));
  const response = await page.goto("/this/page/does-not-exist");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeVisible();
  await expect(page.getByText("Error 404")).toBeVisible();

  await page.getByRole("main").getByRole("link", { name: "Go to the home page" }).click();
  await expect(page).toHaveURL("/");
  await expect(page.getByRole("heading", { name: "We could not find that page" })).toBeHidden();
});

test("logging in and out works without JavaScript", async ({ browser, clientIp, makeUser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();
  const user = await makeUser({ name: "Yusuf Demir", role: "mentor" });

  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(header(page).getByRole("link", { name: /Yusuf Demir/ })).toBeVisible();
  await expect(header(page).getByText("mentor", { exact: true })).toBeVisible();

  await header(page).getByRole("button", { name: "Log out" }).click();
  await expect(header(page).getByRole("link", { name: "Log in" })).toBeVisible();
  await context.close();
});

test("without JavaScript the server shows form errors, keeps the input and focuses the field", async ({ browser, clientIp, expectConsoleError }) => {
  expectConsoleError(loadError(400, "/signup"));
  const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
  const page = await context.newPage();

  await page.goto("/signup");
  await page.getByLabel("I am a student").check();
  await page.getByLabel("Full name").fill("Priya Natarajan");
  await page.getByLabel("Email").fill("priya-at-example.org");
  await page.getByLabel("Password").fill("a perfectly fine passphrase");
  await page.getByRole("button", { name: "Create account" }).click();

  const email = page.getByLabel("Email");
  await expect(page.getByText("Enter a valid email address, like name@example.org")).toBeVisible();
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await expect(email).toHaveAccessibleDescription(/Enter a valid email address, like name@example\.org/);
  await expect(email).toBeFocused();
  await expect(email).toHaveValue("priya-at-example.org");
  await expect(page.getByLabel("Full name")).toHaveValue("Priya Natarajan");
  await expect(page.getByLabel("Password")).toHaveValue("");
  await expect(page).toHaveURL("/signup");
  await context.close();
});
