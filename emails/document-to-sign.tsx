import { Text } from "@react-email/components";
import type { DocumentKind } from "~/modules/documents/content";
import { A_DOCUMENT_KIND } from "~/modules/documents/labels";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type DocumentToSignProps = {
  /** The mentor this email goes to. */
  name: string;
  studentName: string;
  /** "an experience verification letter" (A_DOCUMENT_KIND). */
  aDocument: string;
  slotTitle: string;
  documentsUrl: string;
};

export const documentToSignSubject = (studentName: string, kind: DocumentKind) => `${studentName} asks you to sign ${A_DOCUMENT_KIND[kind]}`;

/** Sent to each mentor of the slot when the student generates a verification letter or certificate: it is issued only once a mentor signs it. */
export default function DocumentToSign({ name, studentName, aDocument, slotTitle, documentsUrl }: DocumentToSignProps) {
  return (
    <EmailLayout preview={`${studentName} generated ${aDocument} for you to review and sign`}>
      <Text style={styles.heading}>A document to review and sign</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName} generated {aDocument} for “{slotTitle}” from the internship's dates, check-ins and plan. Schools and employers
        rely on it, so please read it: correct the duties if they are not right, then sign it with your full name and title.
      </Text>
      <Text style={styles.paragraph}>It is issued, with a verification code anyone can check, only once you or another mentor of the slot sign it.</Text>
      <ButtonWithAddress href={documentsUrl}>Review and sign</ButtonWithAddress>
    </EmailLayout>
  );
}

DocumentToSign.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  aDocument: "an experience verification letter",
  slotTitle: "Data pipeline intern: river sensor readings",
  documentsUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/documents",
} satisfies DocumentToSignProps;
