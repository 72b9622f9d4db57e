import { Text } from "@react-email/components";
import type { DocumentKind } from "~/modules/documents/content";
import { DOCUMENT_KIND_WORDS } from "~/modules/documents/labels";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type DocumentUnsignedProps = {
  /** The mentor this email goes to. */
  name: string;
  studentName: string;
  /** "an experience verification letter" (A_DOCUMENT_KIND). */
  aDocument: string;
  slotTitle: string;
  /** "November 23, 2026": when the student generated it. */
  generatedOn: string;
  documentsUrl: string;
};

export const documentUnsignedSubject = (studentName: string, kind: DocumentKind) => `Still waiting for your signature: ${studentName}'s ${DOCUMENT_KIND_WORDS[kind]}`;

/** To each of the slot's mentors, once, a week after the student generated a document nobody has signed yet. */
export default function DocumentUnsigned({ name, studentName, aDocument, slotTitle, generatedOn, documentsUrl }: DocumentUnsignedProps) {
  return (
    <EmailLayout preview={`${studentName}'s document has waited a week for a signature`}>
      <Text style={styles.heading}>A document still waits for a signature</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName} generated {aDocument} for “{slotTitle}” on {generatedOn}, and no mentor of the slot has signed it yet. Students send
        these to their school's international office or to an employer, often by a deadline, and it is issued only once one of you signs it.
      </Text>
      <Text style={styles.paragraph}>Read it, correct the duties if they are not right, and sign it with your full name and title.</Text>
      <ButtonWithAddress href={documentsUrl}>Review and sign</ButtonWithAddress>
    </EmailLayout>
  );
}

DocumentUnsigned.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  aDocument: "an experience verification letter",
  slotTitle: "Data pipeline intern: river sensor readings",
  generatedOn: "November 23, 2026",
  documentsUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/documents",
} satisfies DocumentUnsignedProps;
