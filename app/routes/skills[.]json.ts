import type { LoaderFunctionArgs } from "@remix-run/node";
import { createHash } from "node:crypto";
import { getDb } from "~db/client.server";
import { listSkills } from "~/modules/skills/skills.server";

// The skill names offered as you type in the slot search, as a file the browser keeps: the list
// page sends none of them, and a browser asks for this once an hour at most (then only to hear
// "not modified"). Public: the taxonomy is the same for everyone and names no person.

export async function loader({ request }: LoaderFunctionArgs) {
  const names = (await listSkills(getDb())).map((s) => s.name);
  const body = JSON.stringify(names);
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"`;
  const headers = { "Cache-Control": "public, max-age=3600", ETag: etag };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}
