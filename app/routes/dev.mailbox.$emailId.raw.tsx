import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { requireDevelopmentTools } from "~/auth/guards.server";
import { framedHtml, getEmail } from "~/mail/mailbox.server";

// The email body alone, for the mailbox page's frame. server/security.ts gives this path its
// own Content-Security-Policy: inline styles, no scripts, framed by our own pages only.
export async function loader({ params }: LoaderFunctionArgs) {
  requireDevelopmentTools();
  const email = await getEmail(getDb(), params.emailId ?? "");
  if (!email?.html) throw new Response("No such email", { status: 404 });
  return new Response(framedHtml(email.html), { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
