import { count, desc, eq } from "drizzle-orm";
import type { Db } from "~db/client.server";
import { emails, type EmailStatus } from "~db/schema";
import { isUuid } from "~/modules/ids";
import { onePage } from "~/modules/paging";

export const PAGE_SIZE = 25;

/** One page of the email log, newest first, with the total for paging. */
export async function listEmails(db: Db, { page, status }: { page: number; status?: EmailStatus }) {
  const where = status ? eq(emails.status, status) : undefined;
  return onePage(
    db
      .select({ id: emails.id, to: emails.to, subject: emails.subject, template: emails.template, status: emails.status, transport: emails.transport, attempts: emails.attempts, lastError: emails.lastError, createdAt: emails.createdAt, sentAt: emails.sentAt })
      .from(emails)
      .where(where)
      .orderBy(desc(emails.createdAt), desc(emails.id)),
    db.select({ value: count() }).from(emails).where(where),
    { page, size: PAGE_SIZE },
  );
}

export async function getEmail(db: Db, id: string) {
  if (!isUuid(id)) return null;
  const [email] = await db.select().from(emails).where(eq(emails.id, id));
  return email ?? null;
}

/** The http(s) links of an email body, in order, without repeats. */
export function linksIn(html: string) {
  const found = [...html.matchAll(/href="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
  return [...new Set(found)];
}

/** The email body for the mailbox frame: links open in the top window, not inside the frame. */
export function framedHtml(html: string) {
  // why: react-email links carry target="_blank", which beats <base>; a tab opened from the
  // sandboxed frame stays sandboxed, and Chromium refuses our pages (COOP) there: an error tab.
  const body = html.replace(/\s+target="_blank"/g, "");
  return body.includes("<head>") ? body.replace("<head>", '<head><base target="_top">') : `<base target="_top">${body}`;
}
