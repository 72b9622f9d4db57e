import { Section, Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type IntroductionStepsProps = {
  firstName: string;
  /** The student's own status, named only in this email, which goes to them alone. */
  statusLabel: string;
  organizationName: string;
  slotTitle: string;
  /** What to do for their work authorization before the first day, addressed to them. */
  steps: string[];
  matchUrl: string;
};

export const introductionStepsSubject = (slotTitle: string) => `Your work-authorization steps before you start: ${slotTitle}`;

/**
 * Sent to the student alone with the introduction: the steps their work authorization asks for
 * before the first day. The joint introduction that mentors read carries none of this.
 */
export default function IntroductionSteps({ firstName, statusLabel, organizationName, slotTitle, steps, matchUrl }: IntroductionStepsProps) {
  return (
    <EmailLayout preview={`Before your first day at ${organizationName}: ${steps.length} step${steps.length === 1 ? "" : "s"} for your work authorization.`}>
      <Text style={styles.heading}>Before your first day, {firstName}</Text>
      <Text style={styles.paragraph}>
        You were just introduced to {organizationName} for “{slotTitle}”. This email is only for you: the mentors do not receive it.
      </Text>
      <Section style={{ backgroundColor: "#fffbeb", borderLeft: "3px solid #b45309", borderRadius: "8px", padding: "16px 18px", margin: "0 0 16px" }}>
        <Text style={{ ...styles.muted, fontWeight: 700, margin: "0 0 6px" }}>Your status: {statusLabel}</Text>
        {steps.map((step) => (
          <Text key={step} style={{ ...styles.paragraph, margin: "0 0 6px" }}>
            • {step}
          </Text>
        ))}
      </Section>
      <Text style={styles.paragraph}>
        If a step needs a document from {organizationName} (an offer letter with the dates, hours and duties, or a letter confirming the placement), ask
        the mentors for it in good time.
      </Text>
      <Text style={styles.muted}>This is guidance to confirm with your school&apos;s international office, not legal advice.</Text>
      <ButtonWithAddress href={matchUrl}>Open the match</ButtonWithAddress>
    </EmailLayout>
  );
}

IntroductionSteps.PreviewProps = {
  firstName: "Amara",
  statusLabel: "US F-1 student — Curricular Practical Training (CPT)",
  organizationName: "Riverbend Sensors",
  slotTitle: "Data pipeline intern: river sensor readings",
  steps: [
    "Ask your DSO to authorize CPT for this employer and dates before you start; the organization must give you an offer letter.",
    "CPT is limited to 20 hours a week during term; this slot is 30 — fine only in a break.",
  ],
  matchUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000",
} satisfies IntroductionStepsProps;
