import { Text } from "@react-email/components";
import type { DocumentKind } from "~/modules/documents/content";
import { DOCUMENT_KIND_WORDS } from "~/modules/documents/labels";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type DocumentRevokedProps = {
  /** The student this email goes to, by first name. */
  name: string;
  /** Who revoked it: a mentor of the slot by name, or "A Steppingstone admin". */
  revokedBy: string;
  documentWords: string;
  slotTitle: string;
  code: string;
  reason: string;
  documentsUrl: string;
};

export const documentRevokedSubject = (kind: DocumentKind) => `Your ${DOCUMENT_KIND_WORDS[kind]} was revoked`;

/** To the student when their issued document is revoked: /verify now says so, and why it was. */
export default function DocumentRevoked({ name, revokedBy, documentWords, slotTitle, code, reason, documentsUrl }: DocumentRevokedProps) {
  return (
    <EmailLayout preview={`${revokedBy} revoked your ${documentWords}`}>
      <Text style={styles.heading}>Your {documentWords} was revoked</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {revokedBy} revoked your {documentWords} for “{slotTitle}”. Anyone who checks its code, {code}, is now told it was revoked, and its
        PDF can no longer be downloaded.
      </Text>
      <Text style={styles.paragraph}>The reason given: “{reason}”</Text>
      <Text style={styles.paragraph}>If the internship's facts have changed, you can generate a new one from the documents of your internship for a mentor to sign.</Text>
      <ButtonWithAddress href={documentsUrl}>Open your documents</ButtonWithAddress>
    </EmailLayout>
  );
}

DocumentRevoked.PreviewProps = {
  name: "Amara",
  revokedBy: "Priya Raman",
  documentWords: "experience verification letter",
  slotTitle: "Data pipeline intern: river sensor readings",
  code: "K7QM-2XPA-D4TR-W6NB",
  reason: "The end date was wrong: the internship ended on August 14, not August 28.",
  documentsUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/documents",
} satisfies DocumentRevokedProps;
