import { Resend } from "resend";
import { getEnv } from "~/env.server";
import { providerLimits, type ProviderLimits } from "./send-rate.server";

export type OutgoingEmail = { id: string; to: string[]; replyTo: string[]; subject: string; html: string; text: string };
/**
 * Accepted (with what the provider said about its rate limit), or refused for the rate alone (a
 * 429): the provider did not look at the email, so it may go again once `limits.retryAfterSeconds` pass.
 */
export type SendResult =
  | { providerMessageId: string | null; limits?: ProviderLimits }
  | { rateLimited: true; limits: ProviderLimits };

/** How an email left: through Resend, into the local mailbox (/dev/mailbox), or only into the log. */
export type TransportName = "resend" | "mailbox" | "log";

export interface EmailTransport {
  readonly name: TransportName;
  send(email: OutgoingEmail): Promise<SendResult>;
}

/** How long one request to Resend may take; the delivery job's expiry leaves room for it. */
export const SEND_TIMEOUT_MS = 15_000;

// why: a 429 for a used-up daily or monthly quota is not a rate limit: waiting seconds and asking
// again would hammer Resend until tomorrow, so those fail (and retry) like any other refusal.
const QUOTAS = new Set(["daily_quota_exceeded", "monthly_quota_exceeded"]);

/**
 * Delivers through Resend. The idempotency key makes a retried job a no-op at Resend. The SDK
 * hands back the response's headers and status, so a 429 and the rate-limit headers reach the shared pace.
 */
export function resendTransport(apiKey: string, from: string): EmailTransport {
  const client = new Resend(apiKey);
  return {
    name: "resend",
    async send(email) {
      const { data, error, headers } = await client.emails.send(
        { from, to: email.to, ...(email.replyTo.length ? { replyTo: email.replyTo } : {}), subject: email.subject, html: email.html, text: email.text },
        { idempotencyKey: `email/${email.id}`, signal: AbortSignal.timeout(SEND_TIMEOUT_MS) },
      );
      const limits = providerLimits(headers);
      if (error && (error.name === "rate_limit_exceeded" || (error.statusCode === 429 && !QUOTAS.has(error.name)))) {
        return { rateLimited: true, limits };
      }
      if (error) throw new Error(`Resend refused the email: ${error.name}: ${error.message}`);
      return { providerMessageId: data?.id ?? null, limits };
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
