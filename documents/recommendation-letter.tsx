import { Document, Page, Text, View } from "@react-pdf/renderer";
import { VerificationFooter, documentStyles as s } from "./kit";

export type RecommendationLetterDocumentProps = {
  organizationName: string;
  /** The organization's city and country, as its profile gives them. */
  organizationPlace: string | null;
  writerName: string;
  writerTitle: string;
  studentName: string;
  slotTitle: string;
  /** The internship's dates, as words ("June 1 – August 24, 2026"). */
  internshipDates: string;
  /** The letter's text: paragraphs separated by blank lines. */
  body: string;
  /** The day it became ready, as words. */
  dated: string;
  /** Where the letter is checked; null for the writer's draft preview (the code comes when it is marked ready). */
  verification: { code: string; url: string } | null;
};

/** A recommendation letter written in the app, with the organization's letterhead: what its recipients open. */
export default function RecommendationLetterDocument(props: RecommendationLetterDocumentProps) {
  const paragraphs = props.body.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <Document title={`Recommendation for ${props.studentName}`} author={props.writerName} producer="Steppingstone">
      <Page size="LETTER" style={s.page}>
        <View style={s.letterhead}>
          <Text style={s.organization}>{props.organizationName}</Text>
          {props.organizationPlace ? <Text style={s.muted}>{props.organizationPlace}</Text> : null}
          <Text style={s.muted}>
            {props.writerName}
            {props.writerTitle ? `, ${props.writerTitle}` : ""} · Mentor of {props.studentName}, {props.slotTitle}
            {props.internshipDates ? ` (${props.internshipDates})` : ""}
          </Text>
        </View>
        <Text style={s.dated}>{props.dated}</Text>
        {paragraphs.map((p, i) => (
          <Text key={i} style={s.paragraph}>
            {p}
          </Text>
        ))}
        <Text style={s.signature}>{props.writerName}</Text>
        <Text style={s.muted}>{[props.writerTitle, props.organizationName].filter(Boolean).join(", ")}</Text>
        {props.verification ? (
          <VerificationFooter {...props.verification} />
        ) : (
          <View style={s.footer} fixed>
            <Text>Draft preview. The verification code is added when the letter is marked ready.</Text>
          </View>
        )}
      </Page>
    </Document>
  );
}

RecommendationLetterDocument.PreviewProps = {
  organizationName: "Riverbend Watershed Lab",
  organizationPlace: "Winnipeg, Canada",
  writerName: "Priya Raman",
  writerTitle: "Research engineer",
  studentName: "Amara Okafor",
  slotTitle: "Data pipeline intern: river sensor readings",
  internshipDates: "May 4 – July 24, 2026",
  body: "I am glad to recommend Amara Okafor, who interned with our lab this summer.\n\nAmara built the import pipeline for our river sensors, with tests, and presented it to the team.",
  dated: "September 2, 2026",
  verification: { code: "K7QM-2XPA-D4TR-W6NB", url: "http://localhost:3000/verify/K7QM-2XPA-D4TR-W6NB" },
} satisfies RecommendationLetterDocumentProps;
