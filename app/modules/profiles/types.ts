import type { Benefit, CompensationPreference, Degree, SkillCategory, WorkAuthorization, WorkMode } from "~db/schema";

// Shapes of a student profile as the modules hand it out. No database imports: pages use them too.

export type ProfileSkill = { slug: string; name: string; category: SkillCategory; level: 1 | 2 | 3 | 4 };
export type ProfileProject = { title: string; description: string; url: string | null };

/** Everything a student says about themself; null where they have not said it yet. */
export type StudentProfileFields = {
  school: string | null;
  program: string | null;
  degree: Degree | null;
  graduationDate: string | null;
  coursework: string | null;
  portfolioUrl: string | null;
  githubUrl: string | null;
  linkedinUrl: string | null;
  languages: string[];
  country: string | null;
  city: string | null;
  timezone: string | null;
  availableFrom: string | null;
  availableWeeks: number | null;
  hoursPerWeekTerm: number | null;
  hoursPerWeekBreak: number | null;
  workModes: WorkMode[];
  workAuthorization: WorkAuthorization | null;
  authorizationValidFrom: string | null;
  authorizationValidUntil: string | null;
  cptFullTimeMonthsUsed: number | null;
  shareAuthorization: boolean;
  compensation: CompensationPreference | null;
  goals: Benefit[];
  inMatching: boolean;
  visibleToMentors: boolean;
  skills: ProfileSkill[];
  projects: ProfileProject[];
};

/** A student's whole profile, for the student themself (and admins). */
export type StudentProfileData = StudentProfileFields & {
  userId: string;
  name: string;
  email: string;
  /** When the profile was last saved; null when it never was. */
  updatedAt: Date | null;
};

/** Why a viewer may read a profile. */
export type ProfileAccess = "self" | "admin" | "mentor";

type Private =
  | "email"
  | "workAuthorization"
  | "authorizationValidFrom"
  | "authorizationValidUntil"
  | "cptFullTimeMonthsUsed"
  | "shareAuthorization"
  | "inMatching"
  | "visibleToMentors";

/**
 * A profile as a given viewer may see it. The work-authorization status is left out for a
 * mentor unless the student shares it; the email and privacy settings only reach the student and admins.
 */
export type StudentProfileView = Omit<StudentProfileData, Private> & {
  viewedAs: ProfileAccess;
  email: string | null;
  authorization: { status: WorkAuthorization; validFrom: string | null; validUntil: string | null } | null;
  /** True when the student has a status but this viewer may not see it. */
  authorizationHidden: boolean;
  privacy: { shareAuthorization: boolean; inMatching: boolean; visibleToMentors: boolean } | null;
};
