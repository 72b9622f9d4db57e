import { existsSync } from "node:fs";
import { defineConfig, devices } from "@playwright/test";

// The journeys run against the production build (`npm run build`) served by server/main.ts
// with NODE_ENV=test: built assets, the local mailbox, demo data, and an in-process worker —
// under production's policy (its CSP, HSTS and __Host- Secure session cookie; see
// shipsProductionPolicy). e2e/fixtures.ts fails a test on any CSP violation or console error.
const port = Number(process.env.E2E_PORT ?? 3100);
const pglitePort = Number(process.env.E2E_PGLITE_PORT ?? 5499);

/**
 * The browser: CHROMIUM_PATH, else Debian's headless shell (package chromium-headless-shell), else
 * its Chromium. why: the shell is the same Blink without a browser's window machinery; the whole
 * run (traced) took 5.1 min with it and 6.0 with the full browser on a 2-core machine, which both browsers
 * and the server share (docs/performance.md).
 */
const chromiumPath = process.env.CHROMIUM_PATH ?? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((path) => existsSync(path)) ?? "/usr/bin/chromium";

/** The database the server under test uses; fixtures write to it directly (sessions, users). */
export const e2eDatabaseUrl = process.env.E2E_DATABASE_URL ?? `postgres://postgres@127.0.0.1:${pglitePort}/postgres`;

export default defineConfig({
  testDir: "./e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  // why: CI runs two workers, each a Chromium, beside the server on a shared 2-core machine; a
  // journey of a dozen pages that takes 12 s alone took over 30 s there (timeouts, not failures).
  timeout: process.env.CI ? 90_000 : 30_000,
  expect: { timeout: process.env.CI ? 20_000 : 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    // why: a trace records every step of every journey (DOM snapshots, screenshots) to keep only a
    // failure's; on two cores that was a third of the run (5.1 min with, 3.4 without). A failure
    // still leaves its screenshot and error-context.md; `--trace retain-on-failure` records again.
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumPath,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  projects: [
    { name: "chromium (production policy)", testIgnore: /fuzz\.spec\.ts/, use: { ...devices["Desktop Chrome"] } },
    // why: the fuzz asserts that no row anywhere changes, so it runs alone, after the journeys.
    // `npx playwright test --project fuzz --no-deps` runs it by itself.
    { name: "fuzz", testMatch: /fuzz\.spec\.ts/, dependencies: ["chromium (production policy)"] },
    ...(process.env.SCREENSHOTS ? [{ name: "screenshots", testMatch: /\.shots\.ts/, use: { ...devices["Desktop Chrome"], viewport: { width: 1280, height: 900 } } }] : []),
  ],
  webServer: {
    command: "tsx server/main.ts",
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: {
      NODE_ENV: "test",
      PORT: String(port),
      APP_URL: `http://localhost:${port}`,
      // why: every test sends its own X-Forwarded-For, so per-address limits (login, email) apply per test.
      TRUST_PROXY: "true",
      // why: the reminders sweep would email the journeys' people whatever their dates make due,
      // between a journey's steps and during the fuzz (which fails on any row written). Journeys
      // and module tests call the sweep's steps with their own clock; the job itself is tested in
      // app/jobs/reminders.worker.server.test.ts. Once a day is as good as never in a run.
      REMINDER_SWEEP_SECONDS: "86400",
      ...(process.env.E2E_DATABASE_URL
        ? { DATABASE_URL: process.env.E2E_DATABASE_URL }
        : // why: a DATABASE_URL in the developer's shell must not redirect the server away from
          // the embedded database that the fixtures write to.
          { DATABASE_URL: "", PGLITE_DATA_DIR: "memory://", PGLITE_PORT: String(pglitePort) }),
    },
  },
});
