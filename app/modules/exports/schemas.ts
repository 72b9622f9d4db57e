import { z } from "zod";
import { UNKNOWN_BUTTON } from "~/forms/gate";
import { readInsightFilters } from "~/modules/insights/filters";
import { EXPORT_KINDS } from "./columns";

// The exports page's form (one schema for the server and the browser): the dashboard's filters,
// the button pressed (which file), and the opt-in for work authorization with its reason.

export const MIN_REASON = 10;
export const MAX_REASON = 500;

export const EXPORT_FILTER_FIELDS = ["from", "to", "organizationType", "country", "compensation", "authorizationGroup"] as const;

const filterText = z.string().max(100, { error: "This filter is longer than any value it takes." }).optional();

export const ExportSchema = z
  .object({
    kind: z.enum(EXPORT_KINDS, { error: UNKNOWN_BUTTON }),
    from: filterText,
    to: filterText,
    organizationType: filterText,
    country: filterText,
    compensation: filterText,
    authorizationGroup: filterText,
    includeWorkAuthorization: z.literal("on", { error: UNKNOWN_BUTTON }).optional(),
    reason: z.string().max(MAX_REASON, { error: `Keep the reason under ${MAX_REASON} characters.` }).optional(),
  })
  .superRefine((value, ctx) => {
    // why: the same reader as the dashboard, one field at a time, so a problem is shown on its field.
    for (const name of EXPORT_FILTER_FIELDS) {
      const text = value[name];
      if (!text) continue;
      const { problems } = readInsightFilters(new URLSearchParams({ [name]: text }));
      if (problems.length) ctx.addIssue({ code: "custom", path: [name], message: problems[0]!.replace(/, so (it|that filter) was left out\.$/, ".") });
    }
    if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "The end date is before the start date." });
    // why: a list of names filtered by work-authorization group tells each person's group, as a
    // column would: the same opt-in and reason, kept in the audit log.
    if (value.authorizationGroup && !value.includeWorkAuthorization) {
      ctx.addIssue({
        code: "custom",
        path: ["authorizationGroup"],
        message: "A list of names filtered by work-authorization group tells each person's group: tick “Include work authorization” and say why, or clear this filter.",
      });
    }
    if (value.includeWorkAuthorization && (value.reason ?? "").length < MIN_REASON) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: `Say why this export needs work authorization (at least ${MIN_REASON} characters). It is kept in the audit log.` });
    }
  });
