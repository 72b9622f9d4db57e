import { Document, Page, Text, View } from "@react-pdf/renderer";
import { countryName } from "~/domain/labels";
import {
  compensationLine,
  datesLine,
  dutyLines,
  hoursStatement,
  longDay,
  openingSentence,
  organizationAddressLine,
  weekRange,
  type DocumentContent,
  type DocumentHours,
} from "~/modules/documents/content";
import { DOCUMENT_KIND_LABELS } from "~/modules/documents/labels";
import { formatHours } from "~/modules/mentorship/hours";
import { Bullets, DOCUMENT_INK as INK, DraftMarks, Facts, Letterhead, SectionHeading, SignatureBlock, VerificationFooter, documentStyles as s } from "./kit";

// The body the experience verification letter and the certificate of completion share (not a
// document itself: it has no PreviewProps). The certificate is the same document without hours.

export type ExperienceDocumentProps = {
  content: DocumentContent;
  /** The mentor who signed it, and when (in words, with the zone); null: a draft. */
  signature: { name: string; title: string; signedAt: string } | null;
  /** The day it was issued, in words; null: a draft. */
  issuedOn: string | null;
  /** Its verification code and the absolute /verify address; null: a draft, which has none. */
  verification: { code: string; url: string } | null;
};

export function ExperienceDocument({ content, signature, issuedOn, verification }: ExperienceDocumentProps) {
  const title = DOCUMENT_KIND_LABELS[content.kind];
  const org = content.organization;
  const supervisor = signature ? `${signature.name}, ${signature.title}` : content.mentorNames.length ? content.mentorNames.join(" or ") : null;
  const hours = content.kind === "experience_verification" ? content.hours : null;
  const duties = dutyLines(content.duties);
  return (
    <Document title={`${title}: ${content.studentName}, ${org.name}`} author={signature?.name ?? org.name} subject={title} producer="Steppingstone">
      <Page size="LETTER" style={s.page}>
        {verification ? <VerificationFooter {...verification} /> : <DraftMarks />}
        <Letterhead
          name={org.name}
          lines={[org.kindLine, org.address, org.place, org.website]}
          side={[issuedOn ? `Issued ${issuedOn}` : "Draft, not issued", verification ? `Ref. ${verification.code}` : null]}
        />
        <Text style={s.heading}>{title}</Text>
        {content.kind === "experience_verification" ? <Text style={s.paragraph}>To whom it may concern:</Text> : null}
        <Text style={s.paragraph}>{openingSentence(content, supervisor)}</Text>

        <Facts
          rows={[
            ["Name", content.studentName],
            ["Position", content.role],
            ["Organization", org.name],
            ...(organizationAddressLine(org) ? [["Address", organizationAddressLine(org)] as [string, string]] : []),
            ["Supervisor", signature ? `${signature.name}, ${signature.title}` : (supervisor ?? "The mentor who signs below")],
            ["Dates", datesLine(content)],
            ["Work arrangement", content.arrangement],
            ["Compensation", compensationLine(content)],
          ]}
        />

        {hours ? (
          <View>
            {hoursStatement(hours, content.studentName).map((line, i) =>
              i === 0 ? (
                // why: a heading is kept with its first lines, never left alone at the foot of a page.
                <View key={line} wrap={false}>
                  <SectionHeading>Hours worked</SectionHeading>
                  <Text style={[s.paragraph, { marginBottom: 4 }]}>{line}</Text>
                </View>
              ) : (
                <Text key={line} style={[s.paragraph, { marginBottom: 4 }]}>
                  {line}
                </Text>
              ),
            )}
            {hours.weeks.length ? <WeeklyHours weeks={hours.weeks} /> : null}
          </View>
        ) : null}

        {duties.length ? (
          <View>
            <View wrap={false}>
              <SectionHeading>{content.endDate ? "Duties" : "Duties so far"}</SectionHeading>
              <Bullets items={duties.slice(0, 1)} />
            </View>
            <Bullets items={duties.slice(1)} />
          </View>
        ) : null}

        <Text style={[s.paragraph, { marginTop: 12 }]} minPresenceAhead={80}>
          {content.kind === "experience_verification"
            ? `I confirm that the information in this letter is accurate to the best of my knowledge${content.endDate ? "" : ` as of ${longDay(content.asOf)}`}.`
            : "I confirm that the information in this certificate is accurate to the best of my knowledge."}
        </Text>
        <SignatureBlock signature={signature} organizationName={org.name} />
      </Page>
    </Document>
  );
}

/** The hours of each week: week, its days, the hours (or "not recorded"); in two halves side by side past 8 weeks, a row at a time so a page break falls between rows. */
function WeeklyHours({ weeks }: { weeks: DocumentHours["weeks"] }) {
  const columns = weeks.length > 8 ? 2 : 1;
  const perColumn = Math.ceil(weeks.length / columns);
  const rows = Array.from({ length: perColumn }, (_, i) => Array.from({ length: columns }, (_, c) => weeks[c * perColumn + i] ?? null));
  const cell = (c: number) => ({ flexDirection: "row" as const, flexGrow: 1, flexBasis: 0, marginRight: c < columns - 1 ? 16 : 0 });
  return (
    <View style={{ marginTop: 6, marginBottom: 4 }}>
      <View style={{ flexDirection: "row" }} minPresenceAhead={30}>
        {Array.from({ length: columns }, (_, c) => (
          <View key={c} style={[cell(c), { borderBottomWidth: 1, borderBottomColor: "#94a3b8", paddingBottom: 2 }]}>
            <Text style={[s.muted, { width: 40 }]}>Week</Text>
            <Text style={[s.muted, { flexGrow: 1 }]}>Dates</Text>
            <Text style={[s.muted, { width: 62, textAlign: "right" }]}>Hours</Text>
          </View>
        ))}
      </View>
      {rows.map((row, i) => (
        <View key={i} style={{ flexDirection: "row" }} wrap={false}>
          {row.map((w, c) => (
            <View key={c} style={[cell(c), { paddingVertical: 1, borderBottomWidth: w ? 0.5 : 0, borderBottomColor: "#e2e8f0" }]}>
              {w ? (
                <>
                  <Text style={{ width: 40, fontSize: 9 }}>{w.week}</Text>
                  <Text style={{ flexGrow: 1, fontSize: 9 }}>{weekRange(w.first, w.last)}</Text>
                  <Text style={{ width: 62, textAlign: "right", fontSize: 9, color: w.hours === null ? "#b45309" : INK }}>
                    {w.hours === null ? "not recorded" : formatHours(w.hours)}
                  </Text>
                </>
              ) : null}
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** The sample facts the previews of both documents print (a research lab in Winnipeg, an unpaid internship). */
export const SAMPLE_CONTENT: DocumentContent = {
  version: 1,
  kind: "experience_verification",
  studentName: "Nguyễn Thị Lan",
  organization: {
    name: "Riverbend Watershed Lab",
    kindLine: "Research lab or team at University of Manitoba",
    address: "66 Chancellors Circle",
    place: `Winnipeg, ${countryName("CA")}`,
    website: "https://riverbend.example.org",
  },
  mentorNames: ["Priya Raman"],
  role: "Data pipeline intern: river sensor readings",
  arrangement: "Hybrid in Winnipeg, Canada",
  startDate: "2026-05-04",
  endDate: "2026-07-26",
  asOf: "2026-07-27",
  compensation: "unpaid",
  academic: null,
  duties:
    "Built the import pipeline for the lab's river sensors (CSV and telemetry feeds), with tests.\nSet up the project and shipped a first fix in the first two weeks.\nOwned the gauge dashboard end to end and presented it to the lab.\nCompleted: Build the import pipeline with tests",
  hours: {
    scheduledPerWeek: 20,
    weeks: [22, 21.5, 20, null, 24, 20, 18, 22, 20, 21, 23, 20].map((hours, i) => {
      const first = new Date(Date.UTC(2026, 4, 4 + i * 7)).toISOString().slice(0, 10);
      const last = new Date(Date.UTC(2026, 4, 10 + i * 7)).toISOString().slice(0, 10);
      return { week: i + 1, first, last, hours };
    }),
  },
};
