import { sql } from "drizzle-orm";
import { organizations, slots, type SlotCompensation, type WorkMode } from "~db/schema";

// A slot as the cards of recommendations and stars show it, and the columns that read it.

/** A slot as a card shows it: what, who, pay, where, when. */
export type SlotCard = {
  id: string;
  title: string;
  organizationName: string;
  organizationVerified: boolean;
  compensation: SlotCompensation;
  hourlyRate: string | null;
  stipendAmount: number | null;
  currency: string | null;
  workMode: WorkMode;
  city: string | null;
  country: string;
  startDate: string;
  durationWeeks: number;
  hoursPerWeek: number;
  applicationDeadline: string;
};

export const cardColumns = {
  id: slots.id,
  title: slots.title,
  organizationName: organizations.name,
  organizationVerified: sql<boolean>`${organizations.verifiedAt} is not null`,
  compensation: slots.compensation,
  hourlyRate: slots.hourlyRate,
  stipendAmount: slots.stipendAmount,
  currency: slots.currency,
  workMode: slots.workMode,
  city: slots.city,
  country: slots.country,
  startDate: slots.startDate,
  durationWeeks: slots.durationWeeks,
  hoursPerWeek: slots.hoursPerWeek,
  applicationDeadline: slots.applicationDeadline,
};
