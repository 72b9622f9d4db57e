import { z } from "zod";
import { USER_ROLES } from "~/domain/vocabulary";

// One schema per form of the People pages, read by the server (parseForm) and the browser (Conform).

export const RETURN_ROLES = ["student", "mentor"] as const;
export type ReturnRole = (typeof RETURN_ROLES)[number];

export const SuspendSchema = z.object({
  intent: z.literal("suspend"),
  reason: z
    .string({ error: "Write the reason: it stays in the audit log, for the admin who reads it later" })
    .trim()
    .min(5, "Write at least 5 characters: what happened, in a few words")
    .max(1000, "Use at most 1,000 characters"),
});

/** The note is optional; the field is called `reason` because the shared reason form reads that name. */
export const ReactivateSchema = z.object({
  intent: z.literal("reactivate"),
  reason: z.string().trim().max(1000, "Use at most 1,000 characters").optional(),
});

export const GrantAdminSchema = z.object({
  intent: z.literal("grant_admin"),
  confirm: z.literal("on", { error: "Tick the box to confirm you understand what changes for them" }),
});

export const RemoveAdminSchema = z.object({
  intent: z.literal("remove_admin"),
  role: z.enum(RETURN_ROLES, { error: "Choose the role they go back to" }),
});

/** The search of /admin/users, from its query string: anything unknown or too long is ignored, never an error. */
export function peopleSearchFrom(params: URLSearchParams) {
  const text = (name: string) => (params.get(name) ?? "").trim().slice(0, 200);
  const role = params.get("role");
  return {
    q: text("q"),
    role: USER_ROLES.find((r) => r === role) ?? null,
    organization: text("organization"),
  };
}
export type PeopleSearch = ReturnType<typeof peopleSearchFrom>;

/** How many of each kind of thing a person's page lists (the newest); the count says how many there are. */
export const PERSON_LIST_SIZE = 10;
