import { Resend } from "resend";
import { getEnv } from "~/env.server";

export type OutgoingEmail = { id: string; to: string[]; replyTo: string[]; subject: string; html: string; text: string };
export type SendResult = { providerMessageId: string | null };

/** How an email left: through Resend, into the local mailbox (/dev/mailbox), or only into the log. */
export type TransportName = "resend" | "mailbox" | "log";

export interface EmailTransport {
  readonly name: TransportName;
  send(email: OutgoingEmail): Promise<SendResult>;
}

/** Delivers through Resend. The idempotency key makes a retried job a no-op at Resend. */
export function resendTransport(apiKey: string, from: string): EmailTransport {
  const client = new Resend(apiKey);
  return {
    name: "resend",
    async send(email) {
      const { data, error } = await client.emails.send(
        { from, to: email.to, ...(email.replyTo.length ? { replyTo: email.replyTo } : {}), subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey: `email/${email.id}` },
      );
      if (error) throw new Error(`Resend refused the email: ${error.name}: ${error.message}`);
      return { providerMessageId: data?.id ?? null };
    },
  };
}

/** The local mailbox: the email row itself is the message, read at /dev/mailbox. */
export const mailboxTransport: EmailTransport = {
  name: "mailbox",
  async send() {
    return { providerMessageId: null };
  },
};

/**
 * Logs that an email would have gone out, without delivering it (EMAIL_TRANSPORT=log). The log
 * line names the email, never its recipients or its body: logs are not for people's data.
 */
export const logTransport: EmailTransport = {
  name: "log",
  async send(email) {
    console.info(`email ${email.id} not delivered (EMAIL_TRANSPORT=log): "${email.subject}" to ${email.to.length} recipient${email.to.length === 1 ? "" : "s"}`);
    return { providerMessageId: null };
  },
};

/** Resend when RESEND_API_KEY is set; else the log when EMAIL_TRANSPORT=log; else the local mailbox (never in production: getEnv refuses). */
export function configuredTransport(): EmailTransport {
  const env = getEnv();
  if (env.RESEND_API_KEY) return resendTransport(env.RESEND_API_KEY, env.EMAIL_FROM);
  return env.EMAIL_TRANSPORT === "log" ? logTransport : mailboxTransport;
}
