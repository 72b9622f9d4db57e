import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { requireDevelopmentTools } from "~/auth/guards.server";
import { framedHtml, getEmail } from "~/mail/mailbox.server";
import { notFound } from "~/responses.server";

// The email body alone, for the mailbox page's frame. server/security.ts gives this path its
// own Content-Security-Policy: inline styles, no scripts, framed by our own pages only.
export async function loader({ params }: LoaderFunctionArgs) {
  requireDevelopmentTools();
  const email = await getEmail(getDb(), params.emailId ?? "");
  if (!email?.html) throw notFound("No such email");
  return new Response(framedHtml(email.html), { headers: { "Content-Type": "text/html; charset=utf-8" } });
}
