import { z } from "zod";
import { COUNTRIES } from "~/domain/labels";
import { ORGANIZATION_SIZES, ORGANIZATION_TYPES } from "~/domain/vocabulary";

// One schema per form, used by the server (parseWithZod) and the browser (Conform).

export { ORGANIZATION_SIZES, ORGANIZATION_TYPES };
const COUNTRY_CODES = COUNTRIES.map((c) => c.code) as [string, ...string[]];

/** "example.org" is what people type; it means https://example.org. */
const withScheme = (value: string) => (value && !/^[a-z][a-z0-9+.-]*:/i.test(value) ? `https://${value}` : value);

const website = z
  .string()
  .trim()
  .max(300, "Use at most 300 characters")
  .transform(withScheme)
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: "Enter the address of your website, like https://example.org" }));

const organizationFields = z.object({
  name: z.string({ error: "Enter the name of your organization" }).trim().min(2, "Use at least 2 characters").max(120, "Use at most 120 characters"),
  type: z.enum(ORGANIZATION_TYPES, { error: "Choose what kind of organization it is" }),
  parentInstitution: z.string().trim().max(160, "Use at most 160 characters").optional(),
  website: website.optional(),
  size: z.enum(ORGANIZATION_SIZES, { error: "Choose how many people work there" }),
  country: z.enum(COUNTRY_CODES, { error: "Choose the country" }),
  city: z.string().trim().max(100, "Use at most 100 characters").optional(),
  /** The street address printed on verification letters and certificates (organizations.address, at most 300 characters). */
  address: z
    .string()
    .trim()
    .max(300, "Use at most 300 characters")
    // why: it prints as one line; an address pasted on several lines keeps them, as commas.
    .transform((value) => value.split(/\s*\n\s*/).filter(Boolean).join(", "))
    .optional(),
  description: z
    .string({ error: "Tell students what your organization does" })
    .trim()
    .min(20, "Write at least 20 characters: a sentence or two students can read")
    .max(2000, "Use at most 2,000 characters"),
});

/**
 * A research team names the institution it belongs to: students and admins read it beside the
 * team's name. why: `when` runs it even while another field is refused, so a form without
 * JavaScript names every problem at once.
 */
const researchTeamHasParent = (value: { type?: unknown; parentInstitution?: unknown }) =>
  value.type !== "research_team" || (typeof value.parentInstitution === "string" && value.parentInstitution.trim() !== "");
const parentRequired = { path: ["parentInstitution"], message: "Name the university or institute the team belongs to", when: () => true };

export const OrganizationSchema = organizationFields.refine(researchTeamHasParent, parentRequired);

/** The edit form also carries which organization it edits; the module checks the mentor belongs to it. */
export const UpdateOrganizationSchema = organizationFields
  .extend({ organizationId: z.uuid({ error: "This form is missing its organization" }) })
  .refine(researchTeamHasParent, parentRequired);

export const InviteMentorSchema = z.object({
  email: z
    .string({ error: "Enter the email address of the mentor to invite" })
    .trim()
    .toLowerCase()
    .max(254, "That email address is too long")
    .pipe(z.email({ error: "Enter a valid email address, like name@example.org" })),
});

export const UnverifyOrganizationSchema = z.object({
  organizationId: z.uuid(),
  reason: z
    .string({ error: "Say why, so the organization's mentors know what to fix" })
    .trim()
    .min(5, "Say why in a few words, so the organization's mentors know what to fix")
    .max(500, "Use at most 500 characters"),
});

/** The admin's views of organizations: the verification queue, the verified ones, all. */
export const ORGANIZATION_FILTERS = ["unverified", "verified", "all"] as const;
export type OrganizationFilter = (typeof ORGANIZATION_FILTERS)[number];

export type OrganizationInput = z.infer<typeof OrganizationSchema>;
