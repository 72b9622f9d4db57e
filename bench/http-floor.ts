// The floor for `npm run bench:http`: the least a server on this machine must do to answer a slot
// list — a plain node:http server with postgres.js that runs the same two queries the list needs
// (one page of open slots with their organization, and the count of open slots, both with the
// app's "accepts applications" rule, the count from its index as the app's is) and writes the
// HTML as a string. No framework, no React, no session. Started by bench/http.ts with
// DATABASE_URL and PORT; any path answers the list.
import { createServer } from "node:http";
import postgres from "postgres";

const url = process.env.DATABASE_URL;
const port = Number(process.env.PORT);
if (!url || !port) throw new Error("bench/http-floor.ts needs DATABASE_URL and PORT");

// The app's pool size (db/client.server.ts), so both servers have the same number of connections.
const sql = postgres(url, { max: 10, onnotice: () => {} });
const PAGE_SIZE = 20;

type Row = {
  id: string;
  title: string;
  description: string;
  compensation: string;
  hours_per_week: number;
  application_deadline: string;
  organization_name: string;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

async function slotList() {
  const now = new Date().toISOString();
  // The app's takingApplications (app/modules/slots/access.server.ts): open, and the deadline day
  // has not ended in the slot's zone — the stored instant `accepts_until`, as the app reads it.
  // Newest first, as /slots sorts without a keyword.
  const [rows, [counted]] = await Promise.all([
    sql<Row[]>`
      select s.id, s.title, s.description, s.compensation, s.hours_per_week, s.application_deadline::text, o.name as organization_name
      from slots s join organizations o on o.id = s.organization_id
      where s.status = 'open' and s.accepts_until > ${now}::timestamptz
      order by s.published_at desc, s.id asc
      limit ${PAGE_SIZE}`,
    sql<{ n: number }[]>`
      select count(*)::int as n
      from slots s
      where s.status = 'open' and s.accepts_until > ${now}::timestamptz`,
  ]);
  const items = rows
    .map(
      (r) =>
        `<li><p>${escapeHtml(r.organization_name)}</p><h3><a href="/slots/${r.id}">${escapeHtml(r.title)}</a></h3>` +
        `<p>${escapeHtml(r.compensation)} · ${r.hours_per_week} hours/week · Apply by ${r.application_deadline}</p><p>${escapeHtml(r.description)}</p></li>`,
    )
    .join("");
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Mentored internship slots</title></head><body><main><h1>Mentored internship slots</h1><h2>${counted!.n} open slots</h2><ul>${items}</ul></main></body></html>`;
}

const server = createServer((_request, response) => {
  slotList().then(
    (html) => response.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": Buffer.byteLength(html) }).end(html),
    (error: unknown) => {
      console.error(error);
      response.writeHead(500).end("floor query failed");
    },
  );
});
server.listen(port, "127.0.0.1", () => console.log(`floor listening on ${port}`));

const stop = () => {
  server.close(() => void sql.end({ timeout: 2 }).then(() => process.exit(0)));
  server.closeAllConnections();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
