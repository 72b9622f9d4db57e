import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { getDb } from "~db/client.server";
import { ensureDatabase } from "~db/connect.server";
import { runMigrations } from "~db/migrate.server";
import { seedDemoData } from "~db/seed.server";
import { getEnv, shipsProductionPolicy } from "~/env.server";
import { startQueue } from "~/jobs/queue.server";
import { startWorkers } from "~/mail/worker.server";
import { bodyLimit } from "./body-limit";
import { pageCache } from "./page-cache";
import { originCheck, securityHeaders } from "./security";
import { stopOnSignal } from "./shutdown";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const env = getEnv();
const production = env.NODE_ENV === "production";
const useVite = env.NODE_ENV === "development";
const buildDir = path.join(root, process.env.BUILD_DIR ?? "build");

const { url, embedded } = await ensureDatabase();
const db = getDb();
if (!production) {
  // why: `npm run dev` promises a working app on first start — no manual database step.
  await runMigrations(db);
  await seedDemoData(db);
}
const boss = await startQueue(url);
if (env.runWorkerInProcess) await startWorkers(boss);

const app = express();
app.disable("x-powered-by");
// why: a number of hops, not `true`: with `true` Express takes the left-most X-Forwarded-For entry,
// which the client writes itself, and every per-address limit (login, email, /verify) could be dodged.
app.set("trust proxy", env.TRUST_PROXY > 0 ? env.TRUST_PROXY : false);
app.use(compression());
app.use(securityHeaders({ productionPolicy: shipsProductionPolicy(env) }));
app.use(originCheck({ appUrl: env.APP_URL }));
app.use(bodyLimit());
// why: not under Vite, whose pages change as their code is edited.
app.use(pageCache({ seconds: useVite ? 0 : env.PAGE_CACHE_SECONDS }));

let build: ServerBuild | (() => Promise<ServerBuild>);
if (useVite) {
  const vite = await import("vite").then((v) => v.createServer({ root, server: { middlewareMode: true } }));
  app.use(vite.middlewares);
  build = () => vite.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>;
} else {
  app.use("/assets", express.static(path.join(buildDir, "client/assets"), { immutable: true, maxAge: "1y" }));
  app.use(express.static(path.join(buildDir, "client"), { maxAge: "1h" }));
  build = (await import(path.join(buildDir, "server/index.js"))) as ServerBuild;
}

app.all(
  "*",
  createRequestHandler({
    build,
    mode: production ? "production" : "development",
    getLoadContext: (req, res) => ({ cspNonce: String(res.locals.cspNonce), clientIp: req.ip ?? "unknown" }),
  }),
);

const server = app.listen(env.PORT, () => {
  console.log(`Steppingstone is listening on ${env.APP_URL} (${embedded ? "embedded database in " + (process.env.PGLITE_DATA_DIR || ".data/pglite") : "DATABASE_URL"})`);
});

stopOnSignal(embedded, () => server.close());
