import { randomBytes, randomInt } from "node:crypto";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";
import { createDb, type Db } from "~db/client.server";
import { organizationMembers, organizations, users, type Organization, type User } from "~db/schema";
import { hashPassword } from "~/auth/password.server";
import { createSession } from "~/auth/session.server";
import { e2eDatabaseUrl } from "../playwright.config";

// Playwright's TypeScript loader reads tsconfig.json `paths`, so the app's `~/` and `~db/`
// aliases resolve here and inside the app modules these fixtures import.

/** The session cookie production sets, and so the journeys' server (see app/auth/cookie.server.ts). */
export const SESSION_COOKIE = "__Host-steppingstone_session";

/** Every user made by makeUser has this password unless a test gives another. */
export const KNOWN_PASSWORD = "a quiet lake at dawn 42";

export function uniqueEmail(prefix = "user") {
  return `${prefix}-${randomBytes(5).toString("hex")}@example.org`;
}

/** A client address of its own, so per-address limits (login, email) never reach another test. */
export function randomClientIp() {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

// why: argon2id at OWASP cost takes tens of milliseconds; hash each distinct password once per worker.
const hashes = new Map<string, Promise<string>>();
function cachedHash(password: string) {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
}

type UserOverrides = Partial<Pick<User, "name" | "role" | "email" | "suspendedAt">> & { password?: string; verified?: boolean };
export type TestUser = User & { password: string };

type Fixtures = {
  /** The X-Forwarded-For address this test's browser and API requests come from. */
  clientIp: string;
  /** A verified student (unless overridden) with a unique email and KNOWN_PASSWORD. */
  makeUser: (overrides?: UserOverrides) => Promise<TestUser>;
  /** Signs `user` in by writing a session and giving its cookie to `context` (the test's own by default). */
  login: (user: Pick<User, "id">, context?: BrowserContext) => Promise<{ token: string }>;
  /** Another browser (own cookies) from the same client address: a second device. */
  newDevice: () => Promise<Page>;
  /**
   * Allows this test's pages a console error matching `pattern` — say a page it visits on purpose
   * that answers 404, which Chromium logs as "Failed to load resource: … status of 404" followed by
   * the address. The test fails if none came, so an allowance cannot outlive its reason. Every
   * other console error, uncaught page error or CSP violation fails the test.
   */
  expectConsoleError: (pattern: RegExp) => void;
};

export const test = base.extend<Fixtures, { db: Db }>({
  db: [
    // why: Playwright reads fixture dependencies from the first parameter, which must be a pattern.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const db = createDb(e2eDatabaseUrl, { max: 2 });
      await use(db);
      await db.$client.end({ timeout: 5 });
    },
    { scope: "worker" },
  ],

  // eslint-disable-next-line no-empty-pattern -- see `db`
  clientIp: async ({}, use) => {
    await use(randomClientIp());
  },

  extraHTTPHeaders: async ({ clientIp }, use) => {
    await use({ "X-Forwarded-For": clientIp });
  },

  makeUser: async ({ db }, use) => {
    await use(async ({ password = KNOWN_PASSWORD, verified = true, ...values } = {}) => {
      const [user] = await db
        .insert(users)
        .values({
          email: uniqueEmail(values.role ?? "student"),
          name: "Jordan Test",
          role: "student",
          passwordHash: await cachedHash(password),
          emailVerifiedAt: verified ? new Date() : null,
          ...values,
        })
        .returning();
      return { ...user!, password };
    });
  },

  login: async ({ db, context, baseURL }, use) => {
    await use(async (user, target = context) => {
      const { token } = await createSession(db, user.id, "Playwright");
      // why: `url` would make the cookie Secure only for https, and the __Host- prefix needs Secure.
      await target.addCookies([{ name: SESSION_COOKIE, value: token, domain: new URL(baseURL!).hostname, path: "/", secure: true, httpOnly: true, sameSite: "Lax" }]);
      return { token };
    });
  },

  page: async ({ page, javaScriptEnabled }, use) => {
    await use(javaScriptEnabled === false ? page : waitsForHydration(page));
  },

  newDevice: async ({ browser, clientIp }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async () => {
      const context = await browser.newContext({ extraHTTPHeaders: { "X-Forwarded-For": clientIp } });
      contexts.push(context);
      return waitsForHydration(await context.newPage());
    });
    await Promise.all(contexts.map((c) => c.close()));
  },

  expectConsoleError: [
    async ({ browser, context }, use) => {
      const problems: string[] = [];
      const watched = new Set<BrowserContext>();
      const watch = (target: BrowserContext) => {
        if (watched.has(target)) return;
        watched.add(target);
        target.on("console", (message) => {
          if (message.type() !== "error" && !/Content Security Policy/i.test(message.text())) return;
          problems.push(`console.${message.type()}: ${message.text()} — ${message.location().url || "(no address)"}`);
        });
        target.on("weberror", (error) => problems.push(`uncaught on ${error.page()?.url() ?? "(no page)"}: ${error.error().stack ?? error.error().message}`));
        // why: Chromium logs a blocked resource itself; the event also names inline code it blocked.
        return target.addInitScript(() => {
          document.addEventListener("securitypolicyviolation", (event) => {
            console.error(`securitypolicyviolation: ${event.violatedDirective} blocked ${event.blockedURI || "inline"} "${event.sample}" at ${event.sourceFile}:${event.lineNumber}`);
          });
        });
      };
      await watch(context);
      // Contexts a test makes itself (a second device, a browser without JavaScript) are watched too.
      const onContext = (created: BrowserContext) => void watch(created)?.catch(() => {});
      browser.on("context", onContext);

      const expected: { pattern: RegExp; seen: boolean }[] = [];
      await use((pattern) => void expected.push({ pattern, seen: false }));
      browser.off("context", onContext);

      const unexpected = problems.filter((problem) => {
        // why: Playwright's trace recorder puts a script in every frame, and Chromium refuses it in
        // the mailbox's sandboxed email frame, which has no script of its own (its CSP allows none).
        if (/^console\.error: Blocked script execution in '[^']+\/dev\/mailbox\/[^/']+\/raw' because the document's frame is sandboxed/.test(problem)) return false;
        const allowance = expected.find((e) => e.pattern.test(problem));
        if (allowance) allowance.seen = true;
        return !allowance;
      });
      const unmet = expected.filter((e) => !e.seen).map((e) => `expected a console error matching ${e.pattern}, and none came`);
      if (unexpected.length || unmet.length) {
        throw new Error(`The pages of this test broke the production policy or logged errors:\n${[...unexpected, ...unmet].map((line) => `  - ${line}`).join("\n")}`);
      }
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Makes `page.goto` return once an HTML page's scripts have taken over (app/root.tsx marks
 * <html data-hydrated>), as a person would wait for a page to be ready: typing into a form while
 * it hydrates can be missed by the form's tracked value. Only for pages with JavaScript; answers
 * that are not HTML (a PDF, a download) return as soon as they load.
 */
function waitsForHydration(page: Page) {
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    const response = await goto(url, options);
    if (response?.headers()["content-type"]?.startsWith("text/html")) {
      await page
        .locator("html[data-hydrated]")
        .waitFor({ state: "attached", timeout: 15_000 })
        // why: a page whose scripts fail says so through expectConsoleError; the test goes on and fails there.
        .catch(() => {});
    }
    return response;
  };
  return page;
}

/**
 * The console error Chromium logs when the page or data request at `path` is answered `status`
 * (a form's refusal, a 403 or 404 page), for expectConsoleError. `path` is the address without
 * origin, a string or a pattern; Remix's data request (`path.data`) and a query string match too.
 */
export function loadError(status: number, path: string | RegExp) {
  const pathPattern = typeof path === "string" ? path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : path.source;
  return new RegExp(`^console\\.error: Failed to load resource: the server responded with a status of ${status} \\([^)]*\\) — https?://[^/]+${pathPattern}(\\.data)?(\\?.*)?$`);
}

/** The site header, where a signed-in person sees their name and a signed-out one "Log in". */
export function header(page: Page) {
  return page.getByRole("banner");
}

/**
 * Opens the newest email to `to` with `subject` in the local mailbox, as a person would: the
 * list is newest first and paged, so it follows "Next" until the email shows up.
 */
export async function openEmail(page: Page, { to, subject }: { to: string; subject: string }) {
  await page.goto("/dev/mailbox");
  for (let pageNumber = 1; pageNumber <= 20; pageNumber++) {
    await expect(page.getByRole("heading", { name: "Local mailbox" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: to }).filter({ hasText: subject }).first();
    if (await row.isVisible()) {
      await row.getByRole("link", { name: subject }).click();
      await expect(page.getByRole("heading", { level: 1, name: subject })).toBeVisible();
      return emailFrame(page);
    }
    const next = page.getByRole("navigation", { name: "Pages" }).getByRole("link", { name: "Next" });
    if (!(await next.isVisible())) break;
    await next.click();
    await expect(page).toHaveURL(new RegExp(`page=${pageNumber + 1}`));
  }
  throw new Error(`No email "${subject}" to ${to} in the mailbox`);
}

/** The email body as the mailbox page shows it (a sandboxed frame). */
export function emailFrame(page: Page) {
  return page.frameLocator('iframe[title^="Email:"]');
}

/** Fills and submits the login form on the current page; returns once the server has answered. */
export async function submitLogin(page: Page, { email, password }: { email: string; password: string }) {
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  // why: a refusal repeats the same message, so the page alone cannot tell one answer from the next.
  const answered = page.waitForResponse((r) => r.request().method() === "POST" && /^\/login(\.data)?$/.test(new URL(r.url()).pathname));
  await page.getByRole("button", { name: "Log in" }).click();
  return answered;
}

/**
 * An organization written straight to the database (unverified unless `verified`), with
 * `members` as its mentors. For journeys that start from "a mentor who has an organization".
 */
export async function makeOrganization(
  db: Db,
  { members = [], verified = false, ...values }: Partial<Pick<Organization, "name" | "type" | "size" | "country" | "city" | "website" | "description">> & { members?: Pick<User, "id">[]; verified?: boolean } = {},
): Promise<Organization> {
  const id = randomBytes(4).toString("hex");
  const [organization] = await db
    .insert(organizations)
    .values({
      name: `Test Lab ${id}`,
      slug: `test-lab-${id}`,
      type: "research_team",
      size: "1-10",
      country: "US",
      description: "A research team made for a test; it studies how tests are written.",
      verifiedAt: verified ? new Date() : null,
      ...values,
    })
    .returning();
  if (members.length) await db.insert(organizationMembers).values(members.map((m) => ({ organizationId: organization!.id, userId: m.id })));
  return organization!;
}
