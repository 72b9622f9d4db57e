import { z } from "zod";
import { GOAL_STATES } from "~/domain/vocabulary";
import { UNKNOWN_BUTTON } from "~/forms/gate";
import { MAX_GOAL_TITLE } from "./plan-draft";

// The plan page's forms, one schema per button (intent), used by the route and the browser.

export const MAX_EVIDENCE_URL = 2000;
export const MAX_EVIDENCE_LABEL = 120;

const goalId = z.uuid({ error: "This goal is not one of this plan's. Reload the page and try again." });

const title = z
  .string({ error: "Say what the goal is: a sentence someone else would understand" })
  .trim()
  .min(1, "Say what the goal is: a sentence someone else would understand")
  .max(MAX_GOAL_TITLE, `Use at most ${MAX_GOAL_TITLE} characters`);

/** A target week of an internship of `durationWeeks` weeks. */
const targetWeek = (durationWeeks: number) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? "Choose the week this goal is for" : "Choose a week of the internship") })
    .int("Choose a week of the internship")
    .min(1, "Weeks start at 1")
    .max(durationWeeks, `The internship has ${durationWeeks} weeks`);

// "javascript:", "mailto:", "ftp:"… at the start: a scheme (but "example.org:8080/x" is a host and a port).
const SCHEME = /^[a-z][a-z0-9+.-]*:(?!\d)/iu;

/** A link as pasted, with https:// put before one without a scheme ("github.com/me/repo", "//github.com/me/repo"). */
export function withScheme(value: string) {
  return SCHEME.test(value) ? value : `https://${value.replace(/^\/+/u, "")}`;
}

/** An http(s) address with a real host name, as the browser would open it (normalised, so the scheme is lower case); a bare "github.com/me/repo" is taken as https. */
const webAddress = z
  .string({ error: "Paste the link: a repository, a demo or a write-up" })
  .trim()
  .min(1, "Paste the link: a repository, a demo or a write-up")
  .max(MAX_EVIDENCE_URL, `Use a link of at most ${MAX_EVIDENCE_URL.toLocaleString("en-US")} characters`)
  .transform((value, ctx) => {
    const address = withScheme(value);
    const url = URL.canParse(address) ? new URL(address) : null;
    // why: a host needs a dot and no spaces ("not a link" would parse as the host "not%20a%20link").
    if (!url || !["http:", "https:"].includes(url.protocol) || !/^[a-z0-9.-]+\.[a-z0-9-]{2,}$/iu.test(url.hostname) || url.username || url.password || url.href.length > MAX_EVIDENCE_URL) {
      ctx.addIssue({ code: "custom", message: "Use a web address, like github.com/you/project or https://…" });
      return z.NEVER;
    }
    return url.href;
  });

export function planActionSchema(durationWeeks: number) {
  return z.discriminatedUnion(
    "intent",
    [
      z.object({ intent: z.literal("draft") }),
      z.object({ intent: z.literal("add_goal"), title, targetWeek: targetWeek(durationWeeks) }),
      z.object({ intent: z.literal("edit_goal"), goalId, title, targetWeek: targetWeek(durationWeeks) }),
      z.object({ intent: z.literal("set_state"), goalId, state: z.enum(GOAL_STATES, { error: "Choose a state" }) }),
      z.object({ intent: z.literal("confirm_done"), goalId }),
      z.object({
        intent: z.literal("add_evidence"),
        goalId,
        url: webAddress,
        label: z.string().trim().max(MAX_EVIDENCE_LABEL, `Use at most ${MAX_EVIDENCE_LABEL} characters`).optional(),
      }),
      z.object({ intent: z.literal("remove_evidence"), evidenceId: z.uuid({ error: "This link is not one of this plan's. Reload the page and try again." }) }),
    ],
    { error: UNKNOWN_BUTTON },
  );
}
export type PlanAction = z.output<ReturnType<typeof planActionSchema>>;
