import { ExperienceDocument, SAMPLE_CONTENT, type ExperienceDocumentProps } from "./experience-parts";

/**
 * An experience verification letter: the organization's letterhead, the role, the dates, the
 * compensation, the hours of each week from the check-ins, the duties, and the mentor's signature.
 * Signed, it prints its verification code and address; before that it is marked DRAFT.
 */
export default function ExperienceVerificationLetterDocument(props: ExperienceDocumentProps) {
  return <ExperienceDocument {...props} />;
}

ExperienceVerificationLetterDocument.PreviewProps = {
  content: SAMPLE_CONTENT,
  signature: { name: "Priya Raman", title: "Research engineer", signedAt: "July 28, 2026, 14:05 UTC" },
  issuedOn: "July 28, 2026",
  verification: { code: "K7QM-2XPA-D4TR-W6NB", url: "http://localhost:3000/verify/K7QM-2XPA-D4TR-W6NB" },
} satisfies ExperienceDocumentProps;
