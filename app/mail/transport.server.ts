import { Resend } from "resend";
import { getEnv } from "~/env.server";

export type OutgoingEmail = { id: string; to: string[]; replyTo: string[]; subject: string; html: string; text: string };
export type SendResult = { providerMessageId: string | null };

export interface EmailTransport {
  readonly name: "resend" | "mailbox";
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

export function configuredTransport(): EmailTransport {
  const env = getEnv();
  return env.RESEND_API_KEY ? resendTransport(env.RESEND_API_KEY, env.EMAIL_FROM) : mailboxTransport;
}
