import { ExperienceDocument, SAMPLE_CONTENT, type ExperienceDocumentProps } from "./experience-parts";

/**
 * A certificate of completion: the experience verification letter without hours — the role, the
 * dates, the compensation and the duties, signed by a mentor. For completed internships only.
 */
export default function CompletionCertificateDocument(props: ExperienceDocumentProps) {
  return <ExperienceDocument {...props} content={{ ...props.content, kind: "completion_certificate", hours: null }} />;
}

CompletionCertificateDocument.PreviewProps = {
  content: { ...SAMPLE_CONTENT, kind: "completion_certificate", hours: null },
  signature: { name: "Priya Raman", title: "Research engineer", signedAt: "July 28, 2026, 14:05 UTC" },
  issuedOn: "July 28, 2026",
  verification: { code: "M3RT-8KQW-2ZPA-X7NC", url: "http://localhost:3000/verify/M3RT-8KQW-2ZPA-X7NC" },
} satisfies ExperienceDocumentProps;
