import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { requireAuth } from "~/auth/guards.server";
import { exportUserData } from "~/modules/privacy/privacy.server";
import { notFound } from "~/responses.server";

// Downloads everything Steppingstone holds about the signed-in person, as JSON.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAuth(request);
  const now = new Date();
  const data = await exportUserData(getDb(), user.id, now);
  if (!data) throw notFound();
  const filename = `steppingstone-data-${now.toISOString().slice(0, 10)}.json`;
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      // why: the file is personal data; no browser or proxy cache may keep a copy.
      "Cache-Control": "no-store",
    },
  });
}
