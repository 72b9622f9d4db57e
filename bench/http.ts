// npm run bench:http (after `npm run build`) — the pages people open most, under load, against a
// floor measured in the same run (issue 16). On a throwaway database on real PostgreSQL (the demo
// data plus 10,000 open slots) it starts the production server (`NODE_ENV=production`, the build
// in BUILD_DIR, default build/) and the floor (bench/http-floor.ts: node:http + postgres.js, the
// slot list's two queries, HTML written as a string), then loads each page with autocannon,
// alternating floor and page so both see the same machine, and prints req/s, p50, p99, the
// floor's req/s in the same pairing, the ratio and its target. Any response that is not 2xx, any
// socket error or timeout fails the run: a benchmark of redirects or 500s measures nothing.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { loadavg } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon, { type Result } from "autocannon";
import postgres from "postgres";
import { createDb, type Db } from "~db/client.server";
import { runMigrations } from "~db/migrate.server";
import { seedDemoData } from "~db/seed.server";
import { createSession } from "~/auth/session.server";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
const WARMUP_SECONDS = Number(process.env.BENCH_HTTP_WARMUP_SECONDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_HTTP_CONNECTIONS ?? 100);
/** A request without an answer this long counts as failed (autocannon's default). */
const TIMEOUT_SECONDS = 10;
const EXTRA_SLOTS = Number(process.env.BENCH_HTTP_SLOTS ?? 10_000);
const BENCH_ORGANIZATIONS = 100;
const BUILD_DIR = process.env.BUILD_DIR ?? "build";
const serverUrl = process.env.BENCH_DATABASE_URL || "postgres://postgres@127.0.0.1:5432/postgres";
/** The session cookie production sets (app/auth/cookie.server.ts: the __Host- name under the production policy). */
const SESSION_COOKIE = "__Host-steppingstone_session";

if (process.env.NODE_ENV === "production") throw new Error("Run bench:http without NODE_ENV=production: it seeds the demo data, which production refuses.");
if (!existsSync(path.join(root, BUILD_DIR, "server/index.js"))) throw new Error(`No production build in ${BUILD_DIR}/: run \`npm run build\` first (or set BUILD_DIR).`);

// ---------------------------------------------------------------------------------------------
// The data: the demo marketplace, then EXTRA_SLOTS open slots written in bulk by SQL.

/**
 * Adds `count` open slots across BENCH_ORGANIZATIONS new organizations (each with a mentor), made
 * from the demo's submitted slots (their texts, pay, country, zone, authorizations and skills,
 * plus one more skill each), with deadlines 3 to 122 days ahead and publication dates over the
 * last 90 days. Every other column of a template is copied as it is, so a column added to slots
 * later comes along. The insert triggers of migration 0009 write each slot's search document.
 */
async function addOpenSlots(db: Db, count: number) {
  await db.$client.begin(async (tx) => {
    const firsts = ["North", "Blue", "Open", "Bright", "Civic", "Harbor", "Maple", "Prairie", "Signal", "Cedar"];
    const seconds = ["Labs", "Works", "Collective", "Health", "Data", "Learning", "Robotics", "Studio", "Systems", "Research Group"];
    await tx`
      create temp table bench_orgs on commit drop as
      select g - 1 as k, gen_random_uuid() as id, gen_random_uuid() as mentor_id,
        ${tx.array(firsts)}::text[] as f, ${tx.array(seconds)}::text[] as s, g as n
      from generate_series(1, ${BENCH_ORGANIZATIONS}::int) g`;
    await tx`
      insert into users (id, email, name, role, password_hash, email_verified_at)
      select mentor_id, 'bench-mentor-' || n || '@example.org', 'Bench Mentor ' || n, 'mentor', 'bench: no password', now() from bench_orgs`;
    await tx`
      insert into organizations (id, name, slug, type, size, country, city, description, verified_at, created_by, created_at, updated_at)
      select id, f[1 + k % 10] || ' ' || s[1 + (k / 10) % 10], 'bench-org-' || n,
        (enum_range(null::organization_type))[1 + k % 6], (enum_range(null::organization_size))[1 + k % 5],
        case when k % 4 = 0 then 'CA' else 'US' end, case when k % 4 = 0 then 'Toronto' else 'Austin' end,
        'A team that takes interns every term and gives each one a named mentor and a real project.',
        case when k % 10 = 9 then null else now() - interval '100 days' end, mentor_id, now() - interval '120 days', now() - interval '100 days'
      from bench_orgs`;
    await tx`insert into organization_members (organization_id, user_id) select id, mentor_id from bench_orgs`;

    await tx`
      create temp table bench_templates on commit drop as
      select id, row_number() over (order by id) - 1 as k from slots where status <> 'draft'`;
    const templateCount = (await tx<{ n: number }[]>`select count(*)::int as n from bench_templates`)[0]!.n;
    if (!templateCount) throw new Error("The demo data has no submitted slot to copy");
    await tx`
      create temp table bench_plan on commit drop as
      select g, gen_random_uuid() as id, t.id as template_id, o.id as organization_id, o.mentor_id,
        current_date + (3 + (g * 7) % 120) as deadline,
        now() - ((g % 90) * interval '1 day') - ((g * 37 % 1440) * interval '1 minute') as published
      from generate_series(1, ${count}::int) g
      join bench_templates t on t.k = g % ${templateCount}::int
      join bench_orgs o on o.k = g % ${BENCH_ORGANIZATIONS}::int`;

    const overrides: Record<string, string> = {
      id: "p.id",
      organization_id: "p.organization_id",
      created_by: "p.mentor_id",
      status: "'open'",
      application_deadline: "p.deadline",
      start_date: "p.deadline + (14 + p.g % 30)",
      published_at: "p.published",
      submitted_at: "p.published - interval '1 day'",
      reviewed_at: "case when t.compensation in ('unpaid', 'course_credit') then p.published else null end",
      reviewed_by: "null",
      review_note: "null",
      created_at: "p.published - interval '2 days'",
      updated_at: "p.published",
    };
    const columns = (
      await tx<{ name: string }[]>`
        select column_name as name from information_schema.columns
        where table_schema = 'public' and table_name = 'slots' and is_generated = 'NEVER' and column_name <> 'search_vector'
        order by ordinal_position`
    ).map((c) => c.name);
    const values = columns.map((c) => overrides[c] ?? `t.${c}`);
    await tx.unsafe(
      `insert into slots (${columns.join(", ")}) select ${values.join(", ")} from bench_plan p join slots t on t.id = p.template_id`,
    );
    await tx`insert into slot_mentors (slot_id, user_id) select id, mentor_id from bench_plan`;
    // The template's skills and one more from the taxonomy, in one statement: the search
    // documents are written once per slot by the statement trigger.
    await tx`
      insert into slot_skills (slot_id, skill_slug, min_level, required)
      select p.id, ss.skill_slug, ss.min_level, ss.required from bench_plan p join slot_skills ss on ss.slot_id = p.template_id
      union all
      select p.id, sk.slug, 1 + p.g % 3, false from bench_plan p
      join (select slug, row_number() over (order by slug) - 1 as k, count(*) over () as n from skills) sk on sk.k = (p.g * 13) % sk.n
      where not exists (select 1 from slot_skills ss where ss.slot_id = p.template_id and ss.skill_slug = sk.slug)`;
  });
  // As autovacuum would have by the time people browse: statistics, hint bits, visibility map.
  await db.$client.unsafe("vacuum analyze");
}

// ---------------------------------------------------------------------------------------------
// The servers.

async function freePort() {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const children: { name: string; child: ChildProcess; output: string[] }[] = [];

function start(name: string, script: string, env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", script], { cwd: root, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const entry = { name, child, output: [] as string[] };
  const keep = (chunk: Buffer) => {
    entry.output.push(chunk.toString());
    if (entry.output.length > 200) entry.output.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  children.push(entry);
  return entry;
}

async function waitUntilUp(entry: (typeof children)[number], url: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (entry.child.exitCode !== null) throw new Error(`${entry.name} exited with code ${entry.child.exitCode}:\n${entry.output.join("")}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${entry.name} did not answer ${url} within 60 s:\n${entry.output.join("")}`);
}

async function stopAll() {
  await Promise.all(
    children.map(
      ({ child }) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
          child.once("exit", () => (clearTimeout(force), resolve()));
          child.kill("SIGTERM");
        }),
    ),
  );
}
process.on("exit", () => children.forEach(({ child }) => child.exitCode === null && child.kill("SIGKILL")));

// ---------------------------------------------------------------------------------------------
// The load.

type Page = {
  label: string;
  path: string | (() => string);
  headers?: Record<string, string>;
  /** Least share of the floor's req/s, and the most p99 may be (ms), from issue 16. */
  target?: { ratio: number; p99?: number };
  /** Text the first response must contain: proof that the page is the one meant (signed in, with data). */
  marker?: string;
  /** A page another issue is still building: a 404 prints "not built" instead of failing. */
  mayBeMissing?: boolean;
};

type Run = { rps: number; p50: number; p99: number; responses: number; bad: string | null };

async function load(url: string, page: Pick<Page, "path" | "headers">, seconds: number, connections = CONNECTIONS): Promise<Run> {
  const paths = typeof page.path === "function" ? page.path : null;
  const result: Result = await autocannon({
    url: paths ? url : `${url}${page.path as string}`,
    connections,
    duration: seconds,
    timeout: TIMEOUT_SECONDS,
    headers: page.headers,
    ...(paths ? { requests: [{ setupRequest: (request) => ({ ...request, path: paths() }) }] } : {}),
  });
  const codes = Object.entries(result.statusCodeStats)
    .filter(([code]) => !code.startsWith("2"))
    .map(([code, { count }]) => `${count} × ${code}`);
  // autocannon counts a timeout as an error too.
  const problems = [
    result.non2xx ? `${result.non2xx} non-2xx (${codes.join(", ")})` : "",
    result.timeouts ? `${result.timeouts} without an answer in ${TIMEOUT_SECONDS} s` : "",
    result.errors > result.timeouts ? `${result.errors - result.timeouts} socket errors` : "",
  ].filter(Boolean);
  const bad = problems.length ? problems.join(", ") : result["2xx"] === 0 ? "no response at all" : null;
  // Completed responses over the run's length (autocannon's per-second average undercounts a short run).
  return { rps: result.requests.total / result.duration, p50: result.latency.p50, p99: result.latency.p99, responses: result.requests.total, bad };
}

/**
 * Waits until `url` answers one request, then a moment more. why: when a run ends, the server is
 * still working through the requests its connections had sent (a page render does not stop when
 * its socket closes); the next run must not start behind that backlog.
 */
async function settle(url: string, page: Pick<Page, "path" | "headers">) {
  const pathname = typeof page.path === "function" ? page.path() : page.path;
  await fetch(`${url}${pathname}`, { headers: page.headers, redirect: "manual", signal: AbortSignal.timeout(120_000) }).then((r) => r.arrayBuffer());
  await new Promise((resolve) => setTimeout(resolve, 1_000));
}

async function measure(url: string, page: Pick<Page, "path" | "headers">, seconds: number) {
  const run = await load(url, page, seconds);
  await settle(url, page);
  return run;
}

const ms = (n: number) => `${Math.round(n)} ms`;
const pad = (s: string, n: number) => s.padEnd(n);
const padStart = (s: string, n: number) => s.padStart(n);

// ---------------------------------------------------------------------------------------------

const name = `steppingstone_bench_http_${randomBytes(4).toString("hex")}`;
const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const dbUrl = new URL(serverUrl);
dbUrl.pathname = `/${name}`;
const db = createDb(dbUrl.toString(), { max: 4 });
let failed = false;
let thinRuns = 0;
try {
  const loadBefore = loadavg();
  let t0 = performance.now();
  await runMigrations(db);
  await seedDemoData(db);
  const seededMs = performance.now() - t0;
  t0 = performance.now();
  await addOpenSlots(db, EXTRA_SLOTS);
  const slotsMs = performance.now() - t0;
  const now = new Date().toISOString();
  const [counts] = await db.$client<{ open: number; organizations: number; unpaid: number; blank: number }[]>`
    select count(*) filter (where s.status = 'open' and s.accepts_until > ${now}::timestamptz)::int as open,
      count(distinct s.organization_id)::int as organizations,
      count(*) filter (where s.compensation in ('unpaid', 'course_credit'))::int as unpaid,
      count(*) filter (where s.search_vector = ''::tsvector)::int as blank
    from slots s`;
  if (counts!.blank) throw new Error(`${counts!.blank} slots have no search document: the triggers of migration 0009 did not run`);

  // Sessions as the app makes them at login, for the pages that need someone signed in.
  const userId = async (email: string) => {
    const [row] = await db.$client<{ id: string }[]>`select id from users where email = ${email}`;
    if (!row) throw new Error(`No demo account ${email}: the seed changed; pick another in bench/http.ts`);
    return row.id;
  };
  const cookieFor = async (email: string) => {
    const { token } = await createSession(db, await userId(email), "bench:http");
    // why: the server reads the __Host- cookie whatever the transport; only browsers refuse to
    // send a Secure cookie over plain http (except to localhost), and autocannon is no browser.
    return { cookie: `${SESSION_COOKIE}=${encodeURIComponent(token)}` };
  };
  const student = await cookieFor("student@example.org"); // Wei Zhang: a profile, recommendations, an active mentorship
  const letterStudent = await cookieFor("diego.ramirez@example.org"); // a completed internship with letters
  const adminCookie = await cookieFor("admin@example.org");
  const [activeMatch] = await db.$client<{ id: string }[]>`
    select m.id from matches m join users u on u.id = m.student_id where u.email = 'student@example.org' and m.status = 'active' limit 1`;
  if (!activeMatch) throw new Error("The demo student has no active mentorship: the seed changed; pick another match in bench/http.ts");
  const slotIds = (await db.$client<{ id: string }[]>`select id from slots where status = 'open' order by id limit 500`).map((r) => r.id);
  let nextSlot = 0;
  let nextVisit = 0;

  // The servers: ports from BENCH_HTTP_APP_PORT / BENCH_HTTP_FLOOR_PORT, else free ones.
  const appPort = Number(process.env.BENCH_HTTP_APP_PORT || (await freePort()));
  const floorPort = Number(process.env.BENCH_HTTP_FLOOR_PORT || (await freePort()));
  const appUrl = `http://127.0.0.1:${appPort}`;
  const floorUrl = `http://127.0.0.1:${floorPort}`;
  const app = start("the production server", "server/main.ts", {
    NODE_ENV: "production",
    DATABASE_URL: dbUrl.toString(),
    PORT: String(appPort),
    APP_URL: `http://localhost:${appPort}`,
    BUILD_DIR,
    // Production needs an email transport; nothing is sent during the run, and the worker is off.
    EMAIL_TRANSPORT: "log",
    RUN_WORKER: "false",
  });
  const floor = start("the floor server", "bench/http-floor.ts", { DATABASE_URL: dbUrl.toString(), PORT: String(floorPort) });
  await Promise.all([waitUntilUp(app, `${appUrl}/healthz`), waitUntilUp(floor, floorUrl)]);

  const pages: Page[] = [
    { label: "/slots (anonymous)", path: "/slots", target: { ratio: 0.5, p99: 300 }, marker: "open slots" },
    // why: the line above is what a crowd of signed-out visitors opening the list gets, which the
    // shared page cache answers (server/page-cache.ts); this one adds a parameter the list ignores
    // with a new value each time, so every request is rendered: what the list costs when nobody
    // asked for that address in the last seconds.
    { label: "/slots?visit=N (every request rendered)", path: () => `/slots?visit=${nextVisit++}`, marker: "open slots" },
    { label: "/slots?q=data&pay=paid_only&sort=deadline", path: "/slots?q=data&pay=paid_only&sort=deadline", target: { ratio: 0.4 }, marker: "open slot" },
    { label: "/slots/:id (500 slots in turn)", path: () => `/slots/${slotIds[nextSlot++ % slotIds.length]}`, target: { ratio: 0.5, p99: 300 }, marker: "Applications close " },
    { label: "/ as a signed-in student", path: "/", headers: student, target: { ratio: 0.35 }, marker: "Recommended for you" },
    { label: "/healthz (Express + one query)", path: "/healthz", marker: '"ok"' },
    { label: "/matches/:id as its student", path: `/matches/${activeMatch.id}`, headers: student, target: { ratio: 0.35 } },
    { label: "/letters as a student", path: "/letters", headers: letterStudent, target: { ratio: 0.35 }, marker: "Recommendation letters" },
    { label: "/admin/insights as an admin", path: "/admin/insights", headers: adminCookie, target: { ratio: 0.35 }, mayBeMissing: true },
  ];

  // One request each first: the status and what the page shows, before anything is timed.
  const missing = new Set<Page>();
  for (const page of pages) {
    const pathname = typeof page.path === "function" ? page.path() : page.path;
    const response = await fetch(`${appUrl}${pathname}`, { headers: page.headers, redirect: "manual" });
    const body = await response.text();
    if (response.status === 404 && page.mayBeMissing) {
      missing.add(page);
      continue;
    }
    if (response.status !== 200) throw new Error(`${page.label}: ${pathname} answered ${response.status} ${response.headers.get("location") ?? ""}\n${body.slice(0, 500)}`);
    if (page.marker && !body.includes(page.marker)) throw new Error(`${page.label}: ${pathname} answered 200 without "${page.marker}": not the page meant (signed out? no data?)`);
  }
  const floorBody = await (await fetch(floorUrl)).text();
  const slotsHtml = await (await fetch(`${appUrl}/slots`)).text();
  const routeData = await (await fetch(`${appUrl}/slots.data?_routes=${encodeURIComponent("routes/slots._index")}`)).arrayBuffer();
  const allData = await (await fetch(`${appUrl}/slots.data`)).arrayBuffer();
  const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

  // Warm-up (not recorded): the JIT, the pools and PostgreSQL's caches, on both servers.
  for (const page of pages) if (!missing.has(page)) await measure(appUrl, page, WARMUP_SECONDS);
  await measure(floorUrl, { path: "/" }, WARMUP_SECONDS);

  // Alternating: floor, page, floor, page … so each page and its floor see the same machine.
  const rows: { page: Page; app: Run | null; floor: Run | null }[] = [];
  for (const page of pages) {
    if (missing.has(page)) {
      rows.push({ page, app: null, floor: null });
      continue;
    }
    const floorRun = await measure(floorUrl, { path: "/" }, SECONDS);
    const appRun = await measure(appUrl, page, SECONDS);
    rows.push({ page, app: appRun, floor: floorRun });
    process.stderr.write(`  measured ${page.label}\n`);
  }
  const loadAfter = loadavg();

  console.log(
    `HTTP pages, production build on PostgreSQL ${(await db.$client<{ v: string }[]>`select current_setting('server_version') as v`)[0]!.v} — ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC, node ${process.version}`,
  );
  console.log(
    `  data: the demo seed (${(seededMs / 1000).toFixed(1)} s) + ${EXTRA_SLOTS.toLocaleString("en-US")} slots (${(slotsMs / 1000).toFixed(1)} s): ${counts!.open.toLocaleString("en-US")} open slots in ${counts!.organizations} organizations, ${counts!.unpaid.toLocaleString("en-US")} unpaid or for credit`,
  );
  console.log(`  load: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run after ${WARMUP_SECONDS} s of warm-up; floor and page alternate`);
  console.log(`  machine load average before ${loadBefore.map((l) => l.toFixed(2)).join(" ")}, after ${loadAfter.map((l) => l.toFixed(2)).join(" ")}`);
  console.log(
    `  one /slots response: ${kB(Buffer.byteLength(slotsHtml))} of HTML, ${(slotsHtml.match(/<option/g) ?? []).length} <option>s; loader data ${kB(routeData.byteLength)} (/slots.data for the route alone; ${kB(allData.byteLength)} with root's); the floor's page ${kB(Buffer.byteLength(floorBody))}`,
  );
  console.log("");
  const header = `  ${pad("page", 44)} ${padStart("req/s", 7)} ${padStart("p50", 8)} ${padStart("p99", 8)} ${padStart("responses", 9)} ${padStart("floor", 7)} ${padStart("ratio", 6)}  ${pad("target", 22)} verdict`;
  console.log(header);
  console.log(`  ${"-".repeat(header.length - 2)}`);
  for (const { page, app: run, floor: floorRun } of rows) {
    const target = page.target ? `≥ ${page.target.ratio}×${page.target.p99 ? `, p99 ≤ ${page.target.p99} ms` : ""}` : "—";
    if (!run || !floorRun) {
      console.log(`  ${pad(page.label, 44)} ${padStart("not built", 7)}${" ".repeat(44)}  ${pad(target, 22)} —`);
      continue;
    }
    const ratio = run.rps / floorRun.rps;
    const bad = run.bad ?? (floorRun.bad ? `floor: ${floorRun.bad}` : null);
    if (bad) failed = true;
    const met = page.target ? ratio >= page.target.ratio && (!page.target.p99 || run.p99 <= page.target.p99) : null;
    // why: autocannon counts only the responses that arrive before a run ends, so when a page
    // takes a good part of the run, its percentiles are those of the survivors.
    const thin = run.responses < 5 * CONNECTIONS ? ` (thin: under 5 responses a connection; lengthen BENCH_HTTP_SECONDS)` : "";
    if (thin) thinRuns++;
    const verdict = (bad ? `FAILED: ${bad}` : met === null ? "—" : met ? "met" : "NOT met") + thin;
    console.log(
      `  ${pad(page.label, 44)} ${padStart(run.rps.toFixed(0), 7)} ${padStart(ms(run.p50), 8)} ${padStart(ms(run.p99), 8)} ${padStart(String(run.responses), 9)} ${padStart(floorRun.rps.toFixed(0), 7)} ${padStart(`${ratio.toFixed(2)}×`, 6)}  ${pad(target, 22)} ${verdict}`,
    );
  }
  if (thinRuns) console.log("\n  Lines marked thin had too few responses for their percentiles to mean much: p99 cannot exceed the run's length.");
  if (failed) console.log("\n  Some responses were not 2xx, or failed: the figures above on those lines measure errors, not pages.");
} catch (error) {
  failed = true;
  console.error(error instanceof Error ? error.message : error);
  for (const { name: who, output } of children) console.error(`--- last output of ${who}:\n${output.join("").slice(-3000)}`);
} finally {
  await stopAll();
  await db.$client.end();
  // BENCH_HTTP_KEEP=1 keeps the database, to explain its queries afterwards.
  if (process.env.BENCH_HTTP_KEEP === "1") console.log(`\n  kept the database: ${dbUrl.toString()}`);
  else await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
process.exit(failed ? 1 : 0);
