import { Link, Text } from "@react-email/components";
import type { DocumentKind } from "~/modules/documents/content";
import { DOCUMENT_KIND_WORDS } from "~/modules/documents/labels";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type DocumentIssuedProps = {
  /** The student this email goes to. */
  name: string;
  signerName: string;
  documentWords: string;
  slotTitle: string;
  code: string;
  verifyUrl: string;
  documentsUrl: string;
};

export const documentIssuedSubject = (kind: DocumentKind) => `Your ${DOCUMENT_KIND_WORDS[kind]} is signed`;

/** Sent to the student when a mentor signs their document: it is issued, with its verification code. */
export default function DocumentIssued({ name, signerName, documentWords, slotTitle, code, verifyUrl, documentsUrl }: DocumentIssuedProps) {
  return (
    <EmailLayout preview={`${signerName} signed your ${documentWords}`}>
      <Text style={styles.heading}>Your {documentWords} is issued</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {signerName} signed your {documentWords} for “{slotTitle}”. Download the PDF from the documents of your internship and send it
        wherever it is asked for.
      </Text>
      <Text style={styles.paragraph}>
        Its verification code is {code}. Anyone can check that it is authentic at{" "}
        <Link href={verifyUrl} style={styles.link}>
          {verifyUrl}
        </Link>{" "}
        — the page says only whose document it is, from which organization, what kind, and when it was issued.
      </Text>
      <ButtonWithAddress href={documentsUrl}>Open your documents</ButtonWithAddress>
    </EmailLayout>
  );
}

DocumentIssued.PreviewProps = {
  name: "Amara",
  signerName: "Priya Raman",
  documentWords: "experience verification letter",
  slotTitle: "Data pipeline intern: river sensor readings",
  code: "K7QM-2XPA-D4TR-W6NB",
  verifyUrl: "http://localhost:3000/verify/K7QM-2XPA-D4TR-W6NB",
  documentsUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/documents",
} satisfies DocumentIssuedProps;
