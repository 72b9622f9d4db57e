import { z } from "zod";
import type { SlotCompensation } from "~db/schema";
import { DOCUMENT_KINDS, SLOT_COMPENSATIONS } from "~/domain/vocabulary";
import { formatHours, OPT_WEEKLY_FLOOR_HOURS, summarizeHours, type CheckInHours } from "~/modules/mentorship/hours";
import { planLineStartWeek } from "~/modules/mentorship/plan-draft";
import { lastDay, weekDays, weekOf, type InternshipDates } from "~/modules/mentorship/weeks";
import { formatDay } from "~/modules/slots/format";

// What a verification letter or completion certificate says (issue 14), as facts: generated from
// the match when the student asks, kept as JSON in issued_documents.content, reviewed by a mentor
// (who may correct the duties) and signed. The sentences are made here from the facts, so the page
// the mentor reviews and the PDF say the same words. Pure: safe in the browser, and tested alone.

export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The longest duties a mentor may write (the PDF keeps to about two pages). */
export const MAX_DUTIES_LENGTH = 4000;

const WeekSchema = z.object({ week: z.number().int().min(1), first: z.string(), last: z.string(), hours: z.number().nullable() });

const HoursSchema = z.object({
  /** What the slot scheduled: hours a week. */
  scheduledPerWeek: z.number(),
  /** Every week of the period, with a check-in's hours or null (none recorded). */
  weeks: z.array(WeekSchema),
});

/** The stored content, version 1 (fields added since are optional with a default, so every stored document still reads). */
export const DocumentContentSchema = z.object({
  version: z.literal(1),
  kind: z.enum(DOCUMENT_KINDS),
  studentName: z.string(),
  organization: z.object({
    name: z.string(),
    /** "Research lab or team at University of Manitoba", "Startup". */
    kindLine: z.string().nullable(),
    /** "66 Chancellors Circle": the street address (organizations.address). why: added after the first documents were stored; content without it reads as none. */
    address: z.string().nullable().default(null),
    /** "Winnipeg, Canada". */
    place: z.string().nullable(),
    website: z.string().nullable(),
  }),
  /** The slot's mentors when it was generated; the signer is printed as the supervisor once signed. */
  mentorNames: z.array(z.string()),
  role: z.string(),
  /** "Remote (team in Winnipeg, Canada)". */
  arrangement: z.string(),
  startDate: z.string(),
  /** null: under way ("to the present"). */
  endDate: z.string().nullable(),
  /** The day it was generated (YYYY-MM-DD, the slot's zone): the facts are as of then. */
  asOf: z.string(),
  compensation: z.enum(SLOT_COMPENSATIONS),
  /** The academic program and school an unpaid slot for course credit is part of, when the slot names them. */
  academic: z.object({ program: z.string().nullable(), school: z.string().nullable() }).nullable(),
  /** One duty a line (a mentor may correct them before signing). */
  duties: z.string().max(MAX_DUTIES_LENGTH),
  /** null on a completion certificate: the same document without hours. */
  hours: HoursSchema.nullable(),
});
export type DocumentContent = z.output<typeof DocumentContentSchema>;
export type DocumentHours = NonNullable<DocumentContent["hours"]>;

/** The stored text of a document's content. */
export const serializeContent = (content: DocumentContent) => JSON.stringify(content);

/** The content of a stored document, or null if the text is not one (never trusted blindly: it is read back from the database). */
export function parseContent(text: string): DocumentContent | null {
  try {
    const parsed = DocumentContentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The period a document covers: from the slot's start date to the completion day (never past the
 * slot's last day), or to the present while under way; and how many weeks of it count — the weeks
 * that have ended (a week still running is counted only once its check-in is written).
 */
export function documentPeriod(
  dates: InternshipDates,
  { status, today, completedDay, lastWrittenWeek }: { status: "active" | "completed"; today: string; completedDay: string | null; lastWrittenWeek: number },
): { endDate: string | null; weeks: number } {
  if (status === "completed") {
    const scheduledEnd = lastDay(dates);
    const end = completedDay && completedDay < scheduledEnd ? completedDay : scheduledEnd;
    return { endDate: end, weeks: Math.max(weekOf(dates, end), Math.min(lastWrittenWeek, dates.durationWeeks)) };
  }
  const current = weekOf(dates, today);
  const ended = current === 0 ? 0 : weekDays(dates, current).due < today ? current : current - 1;
  return { endDate: null, weeks: Math.max(ended, lastWrittenWeek) };
}

/** The weeks 1..`weeks` of the period with the hours their check-ins recorded (null: none). */
export function documentHours(dates: InternshipDates, checkIns: readonly CheckInHours[], weeks: number, scheduledPerWeek: number): DocumentHours {
  const summary = summarizeHours(checkIns, { hoursPerWeek: scheduledPerWeek, mentorHoursPerWeek: null }, weeks);
  return {
    scheduledPerWeek,
    weeks: summary.weeks.map((w) => {
      const { first, due } = weekDays(dates, w.week);
      return { week: w.week, first, last: due, hours: w.hoursWorked };
    }),
  };
}

export type HoursFigures = {
  periodWeeks: number;
  reportedWeeks: number;
  totalHours: number;
  /** Over the weeks with hours recorded; null when none. */
  averageWeekly: number | null;
  weeksAtFloor: number;
  fewest: number | null;
  most: number | null;
  missingWeeks: number[];
};

/** The figures a document states, from its weeks: one rule for the page and the PDF (the average is summarizeHours's). */
export function hoursFigures(hours: DocumentHours): HoursFigures {
  const reported = hours.weeks.filter((w) => w.hours !== null).map((w) => w.hours!);
  const summary = summarizeHours(
    hours.weeks.filter((w) => w.hours !== null).map((w) => ({ week: w.week, hoursWorked: w.hours!, mentorHoursReceived: 0, mentorHoursGiven: null })),
    { hoursPerWeek: hours.scheduledPerWeek, mentorHoursPerWeek: null },
    hours.weeks.length,
  );
  return {
    periodWeeks: hours.weeks.length,
    reportedWeeks: reported.length,
    totalHours: Math.round(reported.reduce((sum, h) => sum + h, 0) * 10) / 10,
    averageWeekly: summary.averageHours,
    weeksAtFloor: summary.weeksAtOptFloor,
    fewest: reported.length ? Math.min(...reported) : null,
    most: reported.length ? Math.max(...reported) : null,
    missingWeeks: hours.weeks.filter((w) => w.hours === null).map((w) => w.week),
  };
}

const weeksWord = (n: number) => `${n} week${n === 1 ? "" : "s"}`;
const hoursWord = (n: number) => `${formatHours(n)} hour${n === 1 ? "" : "s"}`;
/** "3", "3 and 7", "3, 7 and 9". */
export const listOf = (items: readonly (string | number)[]) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;

/**
 * The hours in plain, exact sentences: the total and the average over the weeks with hours
 * recorded and how many weeks that is, the weeks at 20 hours or more, and — said, never hidden —
 * the weeks with no hours recorded, which count in neither.
 */
export function hoursStatement(hours: DocumentHours, studentName: string): string[] {
  const f = hoursFigures(hours);
  const scheduled = `The position was scheduled for ${hoursWord(hours.scheduledPerWeek)} a week.`;
  if (f.periodWeeks === 0) return [`No week of the internship had ended when this was written, so it states no hours worked. ${scheduled}`];
  if (f.reportedWeeks === 0) {
    return [`No hours were recorded for the ${weeksWord(f.periodWeeks)} of this period, so this document states no hours worked. ${scheduled}`];
  }
  const lines = [
    `${studentName} recorded the hours worked each week in weekly check-ins. Over the ${weeksWord(f.reportedWeeks)} with hours recorded, ` +
      `${studentName} worked ${hoursWord(f.totalHours)} in total: an average of ${hoursWord(f.averageWeekly!)} a week.`,
    `${f.weeksAtFloor} of those ${weeksWord(f.reportedWeeks)} ${f.weeksAtFloor === 1 ? "was" : "were"} at ${OPT_WEEKLY_FLOOR_HOURS} hours or more; ` +
      (f.fewest === f.most ? `every one was ${hoursWord(f.most!)}.` : `the fewest hours in a week were ${formatHours(f.fewest!)} and the most ${formatHours(f.most!)}.`),
    f.missingWeeks.length === 0
      ? `Hours were recorded for every week of the period (${weeksWord(f.periodWeeks)}).`
      : `No hours were recorded for ${f.missingWeeks.length} of the ${weeksWord(f.periodWeeks)} of the period ` +
        `(week${f.missingWeeks.length === 1 ? "" : "s"} ${listOf(f.missingWeeks)}); ${f.missingWeeks.length === 1 ? "it counts" : "they count"} in neither the total nor the average.`,
    scheduled,
  ];
  return lines;
}

/** Where the organization is, as a document prints it: "66 Chancellors Circle, Winnipeg, Canada" (street address when given, city, country). */
export const organizationAddressLine = (organization: Pick<DocumentContent["organization"], "address" | "place">) =>
  [organization.address, organization.place].filter(Boolean).join(", ");

/** "June 1, 2026 – August 23, 2026" or "June 1, 2026 – present". */
export function datesLine(content: Pick<DocumentContent, "startDate" | "endDate">) {
  return `${longDay(content.startDate)} – ${content.endDate ? longDay(content.endDate) : "present"}`;
}

const long = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });
/** "June 1, 2026" for a YYYY-MM-DD day. */
export const longDay = (day: string) => long.format(new Date(`${day}T00:00:00Z`));

/** A week's days in a table: "Jun 1 – Jun 7, 2026". */
export const weekRange = (first: string, last: string) => `${formatDay(first).replace(/, \d{4}$/, "")} – ${formatDay(last)}`;

const COMPENSATION_SENTENCES: Record<SlotCompensation, string> = {
  paid: "Paid (hourly wage)",
  stipend: "Paid (stipend)",
  unpaid: "Unpaid",
  course_credit: "Unpaid, for academic course credit",
};

/** The compensation as the document states it: paid, a stipend, unpaid, or unpaid for course credit (with the program when the slot names it). */
export function compensationLine(content: Pick<DocumentContent, "compensation" | "academic">) {
  const base = COMPENSATION_SENTENCES[content.compensation];
  const academic = content.compensation === "course_credit" && content.academic ? [content.academic.program, content.academic.school].filter(Boolean).join(", ") : "";
  return academic ? `${base} (${academic})` : base;
}

/** The duties, one a line, without list marks the writer typed. */
export const dutyLines = (duties: string) =>
  duties
    .split("\n")
    .map((line) => line.replace(/^\s*(?:[-*•]\s+|\d+[.)]\s+)?/, "").trim())
    .filter(Boolean);

/**
 * The duties drafted from the slot: the project, each line of the learning plan, and the goals a
 * mentor confirmed done. While the internship is under way (`throughWeek`), a line of the plan
 * whose weeks have not begun is left out: a letter of duties so far must not list work to come.
 * The mentor reviews and corrects them before signing.
 */
export function draftDuties({
  project,
  learningPlan,
  goalsDone,
  throughWeek = null,
}: {
  project: string | null;
  learningPlan: string | null;
  goalsDone: readonly string[];
  throughWeek?: number | null;
}): string {
  const begun = (line: string) => throughWeek === null || (planLineStartWeek(line) ?? 1) <= throughWeek;
  const lines = [
    ...(project ? [project.replace(/\s+/g, " ").trim()] : []),
    ...dutyLines(learningPlan ?? "").filter(begun),
    ...goalsDone.map((goal) => `Completed: ${goal}`),
  ];
  const text = lines.join("\n");
  return text.length <= MAX_DUTIES_LENGTH ? text : text.slice(0, text.lastIndexOf("\n", MAX_DUTIES_LENGTH));
}

/** "Amara Okafor worked with … as …": the document's opening sentence, in the past once it ended. */
export function openingSentence(content: DocumentContent, supervisor: string | null) {
  const under = supervisor ? `, under the supervision of ${supervisor}` : "";
  if (content.kind === "completion_certificate") {
    return `This certifies that ${content.studentName} completed an internship as ${content.role} at ${content.organization.name}, from ${datesLine(content).replace(" – ", " to ")}${under}.`;
  }
  return content.endDate
    ? `This letter confirms that ${content.studentName} worked with ${content.organization.name} as ${content.role} from ${longDay(content.startDate)} to ${longDay(content.endDate)}${under}.`
    : `This letter confirms that ${content.studentName} has worked with ${content.organization.name} as ${content.role} since ${longDay(content.startDate)}, and still does${under}.`;
}

// why: the documents' font (DejaVu Sans, documents/render.server.ts) has no glyphs for these
// scripts, and the renderer does not shape right-to-left text: such characters would print blank.
const UNPRINTABLE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Ethiopic}\p{Script=Arabic}\p{Script=Hebrew}]/gu;

/** The characters of `text` a document cannot print (CJK, Indic, Thai, Arabic, Hebrew…), each once. */
export const unprintableCharacters = (text: string) => [...new Set(text.match(UNPRINTABLE) ?? [])];
