import type { LoaderFunctionArgs } from "@remix-run/node";
import { createHash } from "node:crypto";
import { getDb } from "~db/client.server";
import { listSkills } from "~/modules/skills/skills.server";

// The skill names offered as you type in the slot search, as a file the browser keeps: the list
// page sends none of them, and a browser asks for this once an hour at most (then only to hear
// "not modified"). Public: the taxonomy is the same for everyone and names no person.

// The file and its tag, made once per copy of the taxonomy (listSkills keeps one for minutes).
const files = new WeakMap<object, { body: string; etag: string }>();

export async function loader({ request }: LoaderFunctionArgs) {
  const taxonomy = await listSkills(getDb());
  let file = files.get(taxonomy);
  if (!file) {
    const body = JSON.stringify(taxonomy.map((s) => s.name));
    file = { body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 22)}"` };
    files.set(taxonomy, file);
  }
  const { body, etag } = file;
  const headers = { "Cache-Control": "public, max-age=3600", ETag: etag };
  if (request.headers.get("If-None-Match") === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
}
