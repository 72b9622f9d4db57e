import type { Benefit, CompensationPreference, Degree, OrganizationSize, OrganizationType, Paperwork, SlotCompensation, SlotStatus, WorkMode } from "~db/schema";

// What each stored value is called on a page. One place, so every page says the same words.

export const WORK_MODE_LABELS: Record<WorkMode, string> = { remote: "Remote", hybrid: "Hybrid", onsite: "On site" };

export const BENEFIT_LABELS: Record<Benefit, string> = {
  mentorship: "Mentorship",
  recommendation_letter: "Recommendation letter",
  referral: "Referral",
  return_offer: "Return-offer consideration",
  portfolio_project: "Portfolio project",
  course_credit: "Course credit",
};

/** What a student can ask for (course credit is a slot's offer, not a goal). */

export const COMPENSATION_PREFERENCE_LABELS: Record<CompensationPreference, string> = {
  paid_only: "Paid only",
  paid_or_stipend: "Paid or stipend",
  any: "Open to unpaid or course credit",
};

export const SLOT_COMPENSATION_LABELS: Record<SlotCompensation, string> = {
  paid: "Paid (hourly)",
  stipend: "Stipend",
  unpaid: "Unpaid",
  course_credit: "Course credit",
};

export const PAPERWORK_LABELS: Record<Paperwork, string> = {
  cpt_offer_letter: "Offer letter for CPT",
  everify_i983: "E-Verify and an I-983 training plan (STEM OPT)",
  coop_agreement: "Co-op agreement with the school",
};

export const ORGANIZATION_TYPE_LABELS: Record<OrganizationType, string> = {
  startup: "Startup",
  nonprofit: "Nonprofit",
  research_team: "Research lab or team",
  small_business: "Small business",
  company: "Company",
  university: "University or college",
};

/** What each kind of organization is, for the person choosing: a university lab is a research team, not the university. */
export const ORGANIZATION_TYPE_HINTS: Record<OrganizationType, string> = {
  startup: "A young company building its first products.",
  nonprofit: "A charity, foundation or community group.",
  research_team: "A lab or research group at a university, hospital or institute — most university labs are this.",
  small_business: "An established business of up to a few dozen people.",
  company: "A larger, established company.",
  university: "A university or college as a whole, or one of its offices — not a single lab.",
};

/** The kind of an organization in a line: "Research lab or team at University of Chicago", "Startup". */
export function organizationKind(organization: { type: OrganizationType; parentInstitution?: string | null }) {
  const label = ORGANIZATION_TYPE_LABELS[organization.type];
  return organization.type === "research_team" && organization.parentInstitution ? `${label} at ${organization.parentInstitution}` : label;
}

export const ORGANIZATION_SIZE_LABELS: Record<OrganizationSize, string> = {
  "1-10": "1–10 people",
  "11-50": "11–50 people",
  "51-200": "51–200 people",
  "201-1000": "201–1,000 people",
  "1000+": "More than 1,000 people",
};

export const DEGREE_LABELS: Record<Degree, string> = {
  certificate: "Certificate",
  associate: "Associate degree",
  bachelor: "Bachelor's",
  master: "Master's",
  phd: "PhD",
  bootcamp: "Bootcamp",
  other: "Other",
};

export const SLOT_STATUS_LABELS: Record<SlotStatus, string> = {
  draft: "Draft",
  pending_review: "Waiting for review",
  open: "Open",
  closed: "Closed",
  filled: "Filled",
};

export const SKILL_LEVEL_LABELS: Record<1 | 2 | 3 | 4, string> = {
  1: "Learning",
  2: "Used in projects",
  3: "Used at work",
  4: "Could teach it",
};

/** Countries a slot or a student can be in; North America first. ISO 3166-1 alpha-2. */
export const COUNTRIES: { code: string; name: string }[] = [
  { code: "US", name: "United States" },
  { code: "CA", name: "Canada" },
  { code: "MX", name: "Mexico" },
  { code: "IN", name: "India" },
  { code: "CN", name: "China" },
  { code: "NG", name: "Nigeria" },
  { code: "BR", name: "Brazil" },
  { code: "VN", name: "Vietnam" },
  { code: "KR", name: "South Korea" },
  { code: "PK", name: "Pakistan" },
  { code: "BD", name: "Bangladesh" },
  { code: "IR", name: "Iran" },
  { code: "NP", name: "Nepal" },
  { code: "PH", name: "Philippines" },
  { code: "GB", name: "United Kingdom" },
  { code: "DE", name: "Germany" },
  { code: "FR", name: "France" },
  { code: "KE", name: "Kenya" },
  { code: "GH", name: "Ghana" },
  { code: "EG", name: "Egypt" },
  { code: "TR", name: "Türkiye" },
  { code: "CO", name: "Colombia" },
];

export const countryName = (code: string | null | undefined) => COUNTRIES.find((c) => c.code === code)?.name ?? code ?? "";
