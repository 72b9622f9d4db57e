import { and, count, desc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import type { AnyPgColumn, PgSelect } from "drizzle-orm/pg-core";
import { stringify, type Options as CsvOptions } from "csv-stringify/sync";
import type { Db } from "~db/client.server";
import { applications, auditLog, matchOutcomes, matches, organizations, outcomeFollowUps, slots, studentProfiles, users } from "~db/schema";
import { alias } from "drizzle-orm/pg-core";
import { BENEFIT_LABELS, ORGANIZATION_TYPE_LABELS, SLOT_COMPENSATION_LABELS } from "~/domain/labels";
import { AUTHORIZATION_INFO } from "~/domain/work-authorization";
import { APPLICATION_STATUS_LABELS } from "~/modules/applications/schemas";
import { recordAuditEntry } from "~/modules/audit/audit.server";
import { insightFiltersQuery, rangeInstants, readInsightFilters, type InsightFilters } from "~/modules/insights/filters";
import { authorizationGroupWhere, completedOn, reachedCompleted } from "~/modules/insights/insights.server";
import { MATCH_SOURCE_LABELS, MATCH_STATUS_LABELS } from "~/modules/matches/labels";
import { FOLLOW_UP_LABELS, RETURN_OFFER_LABELS } from "~/modules/mentorship/outcome-labels";
import { promisedBenefits, promiseVerdicts } from "~/modules/promises/promises";
import { letterDeliveredOn, referralMadeOn } from "~/modules/promises/promises.server";
import { EXPORT_COLUMNS, EXPORT_FILES, EXPORT_KINDS, EXPORT_LINK_MINUTES, exportColumns, type ExportColumnKey, type ExportKind } from "./columns";

// The admin's CSV exports (issue 15), streamed: rows are read from PostgreSQL through a cursor,
// BATCH at a time, each batch written as CSV and handed to the response only when the client has
// taken the previous one, so memory stays flat whatever the number of rows (never an array of all
// of them). Every export is recorded in the audit log first (kind, filters, rows, whether work
// authorization was included and why); the file is then read from what that entry recorded, so the
// file is exactly what the log says was exported.

/** Rows read from the cursor at a time. */
export const BATCH = 500;

const reviewer = alias(users, "reviewer");

/** An instant as spreadsheets read it: "2026-11-30 14:05", in UTC. */
const utcMinute = (column: AnyPgColumn | SQL) => sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD HH24:MI')`;
const utcDay = (column: AnyPgColumn | SQL) => sql<string | null>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD')`;

/**
 * The student's status, only when asked for: otherwise the query selects null, so the status never
 * leaves the database.
 */
const workAuthorizationField = (include: boolean) => (include ? sql<string | null>`${studentProfiles.workAuthorization}::text` : sql<null>`null`);

/** When the match first reached `action` (steps kept only in the audit log: talking, not going ahead). */
const auditedAt = (action: string) =>
  sql`(select min(${auditLog.createdAt}) from ${auditLog} where ${auditLog.subjectType} = 'match' and ${auditLog.subjectId} = ${matches.id}::text and ${auditLog.action} = ${action})`;

const followUp3 = alias(outcomeFollowUps, "follow_up_3");
const followUp6 = alias(outcomeFollowUps, "follow_up_6");

/** The student, the slot and its organization, and the student's profile (for the authorization group). */
function withStudentAndSlot<T extends PgSelect>(query: T, slotId: AnyPgColumn, studentId: AnyPgColumn) {
  return query
    .innerJoin(users, eq(users.id, studentId))
    .innerJoin(slots, eq(slots.id, slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .leftJoin(studentProfiles, eq(studentProfiles.userId, studentId));
}

/** The filters as conditions: the range on `dated`, the slot's terms, the student's authorization group. */
function filterConditions(filters: InsightFilters, dated: AnyPgColumn | SQL): SQL[] {
  const { start, end } = rangeInstants(filters);
  return [
    start ? sql`${dated} >= ${start.toISOString()}` : undefined,
    end ? sql`${dated} < ${end.toISOString()}` : undefined,
    filters.organizationType ? eq(organizations.type, filters.organizationType) : undefined,
    filters.country ? eq(slots.country, filters.country) : undefined,
    filters.compensation ? eq(slots.compensation, filters.compensation) : undefined,
    authorizationGroupWhere(filters.authorizationGroup),
  ].filter((c): c is SQL => c !== undefined);
}

const common = {
  student: users.name,
  studentEmail: users.email,
  slot: slots.title,
  organization: organizations.name,
  organizationType: organizations.type,
  country: slots.country,
  compensation: slots.compensation,
};

function applicationsFields(include: boolean) {
  return {
    submitted: utcMinute(applications.submittedAt),
    ...common,
    status: applications.status,
    updated: utcMinute(applications.updatedAt),
    workAuthorization: workAuthorizationField(include),
  };
}

function matchesFields(include: boolean) {
  return {
    matchId: matches.id,
    proposed: utcMinute(matches.createdAt),
    source: matches.source,
    score: matches.score,
    ...common,
    status: matches.status,
    reviewed: utcMinute(matches.reviewedAt),
    reviewedBy: reviewer.name,
    introduced: utcMinute(matches.introducedAt),
    talking: utcMinute(auditedAt("match.interviewing")),
    confirmed: utcMinute(matches.confirmedAt),
    started: utcMinute(matches.startedAt),
    completed: utcMinute(matches.completedAt),
    closed: utcMinute(sql`case ${matches.status} when 'rejected' then ${matches.reviewedAt} when 'not_proceeding' then coalesce(${auditedAt("match.not_proceeding")}, ${matches.updatedAt}) end`),
    closingReason: sql<string | null>`case when ${matches.status} in ('rejected', 'not_proceeding') then ${matches.closingReason} end`,
    workAuthorization: workAuthorizationField(include),
  };
}

function outcomesFields(include: boolean) {
  return {
    matchId: matches.id,
    completed: utcDay(matches.completedAt),
    ...common,
    offers: sql<string[]>`${slots.offers}::text[]`,
    benefits: matchOutcomes.benefits,
    returnOffer: matchOutcomes.returnOffer,
    letterDelivered: letterDeliveredOn,
    referralMade: referralMadeOn,
    followUp3: followUp3.answer,
    followUp3On: utcDay(followUp3.answeredAt),
    followUp6: followUp6.answer,
    followUp6On: utcDay(followUp6.answeredAt),
    workAuthorization: workAuthorizationField(include),
  };
}

/** Each kind's rows, or their count: one definition of what a file holds, read both ways. */
function queryOf(db: Db, kind: ExportKind, filters: InsightFilters, include: boolean, counting: boolean) {
  switch (kind) {
    case "applications": {
      const base = db
        .select(counting ? { rows: count() } : applicationsFields(include))
        .from(applications)
        .$dynamic();
      const query = withStudentAndSlot(base, applications.slotId, applications.studentId).where(and(...filterConditions(filters, applications.submittedAt)));
      return counting ? query : query.orderBy(applications.submittedAt, applications.id);
    }
    case "matches": {
      const base = db
        .select(counting ? { rows: count() } : matchesFields(include))
        .from(matches)
        .$dynamic();
      const query = withStudentAndSlot(base, matches.slotId, matches.studentId)
        .leftJoin(reviewer, eq(reviewer.id, matches.reviewedBy))
        .where(and(...filterConditions(filters, matches.createdAt)));
      return counting ? query : query.orderBy(matches.createdAt, matches.id);
    }
    case "outcomes": {
      const base = db
        .select(counting ? { rows: count() } : outcomesFields(include))
        .from(matches)
        .$dynamic();
      const query = withStudentAndSlot(base, matches.slotId, matches.studentId)
        .leftJoin(matchOutcomes, eq(matchOutcomes.matchId, matches.id))
        .leftJoin(followUp3, and(eq(followUp3.matchId, matches.id), eq(followUp3.months, 3)))
        .leftJoin(followUp6, and(eq(followUp6.matchId, matches.id), eq(followUp6.months, 6)))
        .where(and(reachedCompleted, ...filterConditions(filters, completedOn)));
      return counting ? query : query.orderBy(completedOn, matches.id);
    }
  }
}

type Raw = Record<string, unknown>;
type Cell = string | number | null;

const text = (value: unknown): Cell => (value === null || value === undefined ? null : String(value));
const label = <T extends string>(labels: Record<T, string>, value: unknown): Cell => (typeof value === "string" && Object.hasOwn(labels, value) ? labels[value as T] : text(value));
const list = (benefits: readonly string[]) => benefits.map((b) => label(BENEFIT_LABELS, b)).join("; ");

const commonCells = {
  student: (r: Raw) => text(r.student),
  studentEmail: (r: Raw) => text(r.studentEmail),
  slot: (r: Raw) => text(r.slot),
  organization: (r: Raw) => text(r.organization),
  organizationType: (r: Raw) => label(ORGANIZATION_TYPE_LABELS, r.organizationType),
  country: (r: Raw) => text(r.country),
  compensation: (r: Raw) => label(SLOT_COMPENSATION_LABELS, r.compensation),
};

/** How each column's cell is written from a row, for every column the page documents. */
const CELLS: { [K in ExportKind]: Record<ExportColumnKey<K>, (row: Raw) => Cell> } = {
  applications: {
    submitted: (r) => text(r.submitted),
    ...commonCells,
    status: (r) => label(APPLICATION_STATUS_LABELS, r.status),
    updated: (r) => text(r.updated),
  },
  matches: {
    matchId: (r) => text(r.matchId),
    proposed: (r) => text(r.proposed),
    source: (r) => label(MATCH_SOURCE_LABELS, r.source),
    score: (r) => (typeof r.score === "number" ? r.score : text(r.score)),
    ...commonCells,
    status: (r) => label(MATCH_STATUS_LABELS, r.status),
    reviewed: (r) => text(r.reviewed),
    reviewedBy: (r) => text(r.reviewedBy),
    introduced: (r) => text(r.introduced),
    talking: (r) => text(r.talking),
    confirmed: (r) => text(r.confirmed),
    started: (r) => text(r.started),
    completed: (r) => text(r.completed),
    closed: (r) => text(r.closed),
    closingReason: (r) => text(r.closingReason),
  },
  outcomes: {
    matchId: (r) => text(r.matchId),
    completed: (r) => text(r.completed),
    ...commonCells,
    returnOffer: (r) => (r.returnOffer ? label(RETURN_OFFER_LABELS, r.returnOffer) : "Not recorded yet"),
    promised: (r) => list(promisedOf(r)),
    delivered: (r) => list(verdictsOf(r).filter((v) => v.kept === true).map((v) => v.benefit)),
    notDelivered: (r) => list(verdictsOf(r).filter((v) => v.kept === false).map((v) => v.benefit)),
    notKnown: (r) => list(verdictsOf(r).filter((v) => v.kept === null).map((v) => v.benefit)),
    letterDelivered: (r) => text(r.letterDelivered),
    referralMade: (r) => text(r.referralMade),
    followUp3: (r) => label(FOLLOW_UP_LABELS, r.followUp3),
    followUp3On: (r) => text(r.followUp3On),
    followUp6: (r) => label(FOLLOW_UP_LABELS, r.followUp6),
    followUp6On: (r) => text(r.followUp6On),
  },
};

const promisedOf = (r: Raw) => promisedBenefits(Array.isArray(r.offers) ? (r.offers as string[]) : []);

/** The record of promises kept, for one internship: the same rule as the organizations' record (promises.ts). */
function verdictsOf(r: Raw) {
  const returnOffer = r.returnOffer === "yes" || r.returnOffer === "no" || r.returnOffer === "pending" ? r.returnOffer : null;
  const benefits = r.benefits && typeof r.benefits === "object" ? (r.benefits as Partial<Record<string, boolean>>) : null;
  return promiseVerdicts(promisedOf(r), { letterDeliveredOn: text(r.letterDelivered) as string | null, referralMadeOn: text(r.referralMade) as string | null, returnOffer }, benefits);
}

const workAuthorizationCell = (r: Raw): Cell => (typeof r.workAuthorization === "string" && Object.hasOwn(AUTHORIZATION_INFO, r.workAuthorization) ? AUTHORIZATION_INFO[r.workAuthorization as keyof typeof AUTHORIZATION_INFO].short : "Not stated");

/** One row's cells, in the documented columns' order. */
export function cellsOf(kind: ExportKind, row: Raw, withWorkAuthorization: boolean): Cell[] {
  const cells = CELLS[kind] as Record<string, (row: Raw) => Cell>;
  const values = EXPORT_COLUMNS[kind].map((column) => cells[column.key]!(row));
  return withWorkAuthorization ? [...values, workAuthorizationCell(row)] : values;
}

/**
 * CSV as Excel and the others read it: CRLF lines, and a cell with any line break in it quoted (a
 * bare carriage return would end the row in some readers); a cell that starts with = + - @, a tab
 * or a carriage return gets a leading apostrophe, so a name such as `=HYPERLINK(…)` is shown as
 * text, never run as a formula (CSV injection).
 */
export const CSV_OPTIONS: CsvOptions = { record_delimiter: "windows", quoted_match: /[\r\n]/, escape_formulas: true };

/** The file's first bytes: a UTF-8 byte-order mark (so Excel reads accents) and the header row. */
export function csvHead(kind: ExportKind, withWorkAuthorization: boolean) {
  return stringify([exportColumns(kind, withWorkAuthorization).map((c) => c.header)], { ...CSV_OPTIONS, bom: true });
}

/**
 * The file as a stream: the header, then each batch of the cursor as CSV. Pulled by the response,
 * so a slow client holds back the reading; a client that goes away closes the cursor.
 */
export function exportStream(db: Db, request: { kind: ExportKind; filters: InsightFilters; workAuthorization: boolean }): ReadableStream<Uint8Array> {
  const { kind, filters, workAuthorization } = request;
  const query = queryOf(db, kind, filters, workAuthorization, false);
  const fields = Object.keys(kind === "applications" ? applicationsFields(false) : kind === "matches" ? matchesFields(false) : outcomesFields(false));
  const { sql: statement, params } = query.toSQL();
  const encoder = new TextEncoder();
  let cursor: AsyncIterator<unknown[][]> | null = null;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(csvHead(kind, workAuthorization)));
      },
      async pull(controller) {
        try {
          // why: `.values()` gives each row as an array in the select's order (drizzle writes the
          // columns in the order of the fields object), so names that repeat across tables cannot collide.
          if (!cursor) {
            const batches = db.$client.unsafe(statement, params as never[]).values().cursor(BATCH);
            cursor = batches[Symbol.asyncIterator]() as AsyncIterator<unknown[][]>;
          }
          const { value, done } = await cursor.next();
          if (done) return controller.close();
          const records = value.map((raw) => cellsOf(kind, Object.fromEntries(fields.map((name, i) => [name, raw[i]])), workAuthorization));
          controller.enqueue(encoder.encode(stringify(records, CSV_OPTIONS)));
        } catch (error) {
          controller.error(error);
        }
      },
      async cancel() {
        await cursor?.return?.();
      },
    },
    // why: read a batch only when the previous one was taken, so at most one batch waits in memory.
    { highWaterMark: 0 },
  );
}

export type ExportRequest = {
  admin: { id: string };
  kind: ExportKind;
  filters: InsightFilters;
  /** The admin's reason for including work authorization, or null to leave it out. */
  workAuthorizationReason: string | null;
};

/**
 * Records an export in the audit log (kind, filters, how many rows, whether work authorization is
 * included and why) and returns the entry's id: the download reads what the entry recorded.
 */
export async function recordExport(db: Db, request: ExportRequest) {
  const { kind, filters, workAuthorizationReason } = request;
  const include = workAuthorizationReason !== null;
  const [counted] = await queryOf(db, kind, filters, include, true);
  const rows = Number((counted as { rows: number } | undefined)?.rows ?? 0);
  const id = await recordAuditEntry(db, {
    actorId: request.admin.id,
    action: `export.${kind}`,
    subjectType: "export",
    subjectId: kind,
    detail: {
      title: `${EXPORT_FILES[kind].title} (CSV)`,
      kind,
      filters: insightFiltersQuery(filters) || "none",
      rows,
      workAuthorization: include,
      ...(include ? { reason: workAuthorizationReason } : {}),
    },
  });
  return { exportId: id, rows };
}

const EXPORT_ACTIONS = EXPORT_KINDS.map((kind) => `export.${kind}`);

/**
 * An export recorded by this admin in the last EXPORT_LINK_MINUTES, as its entry recorded it; null
 * for anything else (another admin's, an old one, an id that is no export).
 */
export async function recordedExport(db: Db, { adminId, exportId, now }: { adminId: string; exportId: string; now: Date }) {
  if (!/^[1-9]\d{0,15}$/.test(exportId)) return null;
  const [entry] = await db
    .select({ action: auditLog.action, detail: auditLog.detail })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.id, Number(exportId)),
        eq(auditLog.actorId, adminId),
        inArray(auditLog.action, EXPORT_ACTIONS),
        gt(auditLog.createdAt, new Date(now.getTime() - EXPORT_LINK_MINUTES * 60_000)),
      ),
    )
    .orderBy(desc(auditLog.id));
  if (!entry) return null;
  const kind = EXPORT_KINDS.find((k) => entry.action === `export.${k}`)!;
  const recorded = typeof entry.detail?.filters === "string" && entry.detail.filters !== "none" ? entry.detail.filters : "";
  return { kind, filters: readInsightFilters(new URLSearchParams(recorded)).filters, workAuthorization: entry.detail?.workAuthorization === true };
}
