import { BENEFIT_LABELS } from "~/domain/labels";
import { formatDay, plural } from "~/modules/slots/format";
import type { MentorshipSide } from "~/modules/mentorship/access.server";
import { percentOf, PROMISE_RECORD_THRESHOLD, publicPromiseRecord, type BenefitTally, type PromiseEvidence, type PromiseSource, type PromiseTally, type PromiseVerdict, type PublicPromiseRecord } from "~/modules/promises/promises";

// The record of promises kept (app/modules/promises/promises.ts says how it is counted): one
// match's promises on its outcome page, an organization's record on its public slot pages and on
// the admins' organizations page.

/** A promise's verdict as a badge: the words carry it, the colour only doubles them. */
export function Delivered({ value }: { value: boolean | null | undefined }) {
  if (value === undefined || value === null)
    return <span className="whitespace-nowrap rounded-full bg-slate-50 px-2.5 py-0.5 text-xs font-medium text-slate-600 ring-1 ring-slate-200">Not known yet</span>;
  return value ? (
    <span className="whitespace-nowrap rounded-full bg-emerald-50 px-2.5 py-0.5 text-xs font-medium text-emerald-800 ring-1 ring-emerald-200">Delivered</span>
  ) : (
    <span className="whitespace-nowrap rounded-full bg-amber-50 px-2.5 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200">Not delivered</span>
  );
}

/** Where a verdict comes from, for the reader of the outcome page. */
function sourceLine(
  verdict: PromiseVerdict,
  evidence: Pick<PromiseEvidence, "letterDeliveredOn" | "referralMadeOn">,
  side: MentorshipSide,
  studentFirstName: string,
): string {
  const whose = side === "student" ? "your" : `${studentFirstName}'s`;
  const source: PromiseSource | null = verdict.source;
  switch (source) {
    case "letter":
      return `A recommendation letter was delivered through Steppingstone on ${formatDay(evidence.letterDeliveredOn!)}.`;
    case "referral":
      return `A referral was made on ${formatDay(evidence.referralMadeOn!)}, recorded on Steppingstone.`;
    case "return_offer":
      return `From ${whose} answer about the return offer: a yes or a no means it was considered.`;
    case "student":
      return `From ${whose} answer.`;
    case "records_or_student":
      return `From Steppingstone's records or ${studentFirstName}'s answer.`;
    default:
      return verdict.benefit === "return_offer"
        ? `Known once ${side === "student" ? "you hear" : `${studentFirstName} hears`} yes or no about a return offer.`
        : side === "student"
          ? "Waiting for your answer below."
          : `Waiting for ${studentFirstName}'s answer.`;
  }
}

/**
 * What the record says of each promise of one internship, with where each verdict comes from —
 * shown to the student before they answer, so they see what a future student will be told.
 */
export function PromiseRecordList({
  record,
  evidence,
  side,
  studentFirstName,
}: {
  record: PromiseVerdict[];
  evidence: Pick<PromiseEvidence, "letterDeliveredOn" | "referralMadeOn">;
  side: MentorshipSide;
  studentFirstName: string;
}) {
  if (!record.length) return <p className="text-sm text-slate-600">The slot promised no letter, referral, project, credit or return-offer consideration.</p>;
  return (
    <div>
      <p className="text-sm text-slate-600">
        What the slot promised, and what Steppingstone&apos;s record of promises kept counts for this internship: its own records first — a letter delivered, a
        referral made — then {side === "student" ? "your" : `${studentFirstName}'s`} answer.{" "}
        {side === "student"
          ? `The organization's slot pages show only totals across at least ${PROMISE_RECORD_THRESHOLD} completed internships, never your answers on their own.`
          : side === "mentor"
            ? `Whether a letter or a referral came through Steppingstone is between ${studentFirstName} and the mentor asked, so you see only whether each promise was kept. Slot pages show only totals across at least ${PROMISE_RECORD_THRESHOLD} completed internships.`
            : `Slot pages show only totals across at least ${PROMISE_RECORD_THRESHOLD} completed internships.`}
      </p>
      <dl className="mt-2 divide-y divide-slate-100 text-sm">
        {record.map((verdict) => (
          <div key={verdict.benefit} className="flex items-start justify-between gap-4 py-2.5">
            <dt className="min-w-0">
              <span className="font-medium text-slate-800">{BENEFIT_LABELS[verdict.benefit]}</span>
              <span className="block text-xs text-slate-500">{sourceLine(verdict, evidence, side, studentFirstName)}</span>
            </dt>
            <dd className="shrink-0">
              <Delivered value={verdict.kept} />
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Meter({ value, max, labelledBy, tone }: { value: number; max: number; labelledBy: string; tone: "brand" | "sky" }) {
  const bar =
    tone === "brand"
      ? "[&::-moz-progress-bar]:bg-emerald-600 [&::-webkit-progress-value]:bg-emerald-600"
      : "[&::-moz-progress-bar]:bg-sky-600 [&::-webkit-progress-value]:bg-sky-600";
  // why: a <progress> draws its share without an inline style (the production CSP blocks those).
  return (
    <progress
      value={value}
      max={max}
      aria-labelledby={labelledBy}
      className={`mt-2 h-2 w-full appearance-none overflow-hidden rounded-full bg-slate-200 [&::-webkit-progress-bar]:bg-slate-200 ${bar}`}
    >
      {percentOf(value, max)}%
    </progress>
  );
}

const hours = (n: number) => plural(Math.round(n * 10) / 10, "hour");

/**
 * An organization's record on its public slot pages, for a student weighing the slot: the counts
 * once enough internships are complete, and otherwise plainly that it is not there yet, and why.
 */
export function PublicPromiseRecordCard({ record, organizationName }: { record: PublicPromiseRecord; organizationName: string }) {
  return (
    <section aria-labelledby="promise-record" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 id="promise-record" className="text-sm font-semibold text-slate-900">
        Promises kept
      </h2>
      {record.shown ? (
        <div className="mt-2 space-y-4 text-sm text-slate-700">
          {record.counted > 0 ? (
            <div>
              <p id="promise-record-kept">
                <span className="text-2xl font-semibold text-slate-900">
                  {record.kept} of {record.counted}
                </span>{" "}
                promises kept across {plural(record.internships, "completed internship")}
              </p>
              <Meter value={record.kept} max={record.counted} labelledBy="promise-record-kept" tone="brand" />
              {record.unknown ? <p className="mt-1 text-xs text-slate-500">{plural(record.unknown, "more promise")} not known yet, counted neither way.</p> : null}
              <BenefitLines lines={record.byBenefit} />
            </div>
          ) : (
            <p>
              {organizationName} has {plural(record.internships, "completed internship")}; no promise that {PROMISE_RECORD_THRESHOLD} or more of them made is recorded as kept or not kept yet.
            </p>
          )}
          {record.mentorHoursPromised > 0 ? (
            <div>
              <p id="promise-record-hours">
                Mentor time: <span className="font-semibold text-slate-900">{hours(record.mentorHoursDelivered)}</span> of{" "}
                {hours(record.mentorHoursPromised)} promised ({percentOf(record.mentorHoursDelivered, record.mentorHoursPromised)}%)
              </p>
              <Meter value={record.mentorHoursDelivered} max={record.mentorHoursPromised} labelledBy="promise-record-hours" tone="sky" />
            </div>
          ) : null}
          <p className="text-xs text-slate-500">
            From the completed internships of {organizationName} on Steppingstone: a letter delivered or a referral made counts as kept; otherwise the intern&apos;s own
            answer. A kind of promise counts once {PROMISE_RECORD_THRESHOLD} internships made it. Mentor time is what the weekly check-ins recorded, against the hours
            each slot promised.
          </p>
        </div>
      ) : (
        <p className="mt-2 text-sm text-slate-700">
          No record yet. Steppingstone shows how many of its promises an organization kept — letters, referrals, mentor time — once {record.threshold} of its
          internships are complete, so that no single intern&apos;s answers can be told apart.
        </p>
      )}
    </section>
  );
}

/** Each kind of promise in a line: "Referral: 2 of 3 kept". */
function BenefitLines({ lines }: { lines: BenefitTally[] }) {
  const known = lines.filter((b) => b.counted > 0);
  if (!known.length) return null;
  return (
    <ul className="mt-3 space-y-1 text-sm">
      {known.map((b) => (
        <li key={b.benefit} className="flex justify-between gap-3">
          <span className="text-slate-600">{BENEFIT_LABELS[b.benefit]}</span>
          <span className="whitespace-nowrap font-medium text-slate-900">
            {b.kept} of {b.counted} kept
          </span>
        </li>
      ))}
    </ul>
  );
}

/** An organization's record for admins: the counts whatever their number, with what is not known yet. */
export function AdminPromiseRecord({ tally }: { tally: PromiseTally }) {
  if (tally.internships === 0) return <p className="mt-1 text-sm text-slate-500">No completed internship yet.</p>;
  const kept = percentOf(tally.kept, tally.counted);
  const time = percentOf(tally.mentorHoursDelivered, tally.mentorHoursPromised);
  // What a student reads on its slot pages, so an admin can tell the two apart.
  const publicRecord = publicPromiseRecord(tally);
  const hidden = publicRecord.shown ? tally.byBenefit.filter((b) => !publicRecord.byBenefit.some((shown) => shown.benefit === b.benefit)) : [];
  return (
    <dl className="mt-1 space-y-1 text-sm">
      <div>
        <dt className="sr-only">Promises kept</dt>
        <dd className="text-slate-800">
          <span className="font-semibold text-slate-900">
            {tally.kept} of {tally.counted}
          </span>{" "}
          promises kept{kept !== null ? ` (${kept}%)` : ""} across {plural(tally.internships, "completed internship")}
          {tally.unknown ? <span className="text-slate-500"> · {tally.unknown} not known yet</span> : null}
        </dd>
      </div>
      <div>
        <dt className="sr-only">Mentor time</dt>
        <dd className="text-slate-800">
          Mentor time: {hours(tally.mentorHoursDelivered)} of {hours(tally.mentorHoursPromised)} promised{time !== null ? ` (${time}%)` : ""}
        </dd>
      </div>
      <div>
        <dt className="sr-only">By promise</dt>
        <dd className="text-slate-600">
          {tally.byBenefit.map((b) => `${BENEFIT_LABELS[b.benefit]} ${b.kept}/${b.counted}${b.unknown ? ` (+${b.unknown} not known yet)` : ""}`).join(" · ")}
        </dd>
      </div>
      {publicRecord.shown ? (
        hidden.length ? (
          <div>
            <dt className="sr-only">Public</dt>
            <dd className="text-xs text-slate-500">
              Its slot pages show {publicRecord.kept} of {publicRecord.counted}: {hidden.map((b) => BENEFIT_LABELS[b.benefit]).join(", ")} left out, promised by fewer
              than {PROMISE_RECORD_THRESHOLD} internships.
            </dd>
          </div>
        ) : null
      ) : (
        <div>
          <dt className="sr-only">Public</dt>
          <dd className="text-xs text-slate-500">Not shown on its slot pages until {PROMISE_RECORD_THRESHOLD} internships are complete.</dd>
        </div>
      )}
    </dl>
  );
}
