import { Button, Text } from "@react-email/components";
import { Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type ApplicationNotSelectedProps = { name: string; slotTitle: string; organizationName: string; reason: string | null; slotsUrl: string };

export const applicationNotSelectedSubject = (slotTitle: string) => `An update on your application: ${slotTitle}`;

/** Sent to a student when a mentor declines their application, with the mentor's reason when given. */
export default function ApplicationNotSelected({ name, slotTitle, organizationName, reason, slotsUrl }: ApplicationNotSelectedProps) {
  return (
    <EmailLayout preview={`${organizationName} chose other applicants for ${slotTitle}.`}>
      <Text style={styles.heading}>Not selected this time</Text>
      <Text style={styles.paragraph}>
        Hi {name}, the mentors at {organizationName} chose other applicants for “{slotTitle}”.
      </Text>
      {reason ? <Quote tone="brand">What they said: {reason}</Quote> : null}
      <Button href={slotsUrl} style={styles.button}>
        Browse open slots
      </Button>
      <Text style={{ ...styles.muted, marginTop: "20px" }}>Every application teaches something; other slots are open now.</Text>
    </EmailLayout>
  );
}

ApplicationNotSelected.PreviewProps = {
  name: "Amara",
  slotTitle: "Data pipeline intern for a wildlife-tracking nonprofit",
  organizationName: "River Watch",
  reason: "We needed someone in Eastern time for daily field calls. Your sensor project was impressive.",
  slotsUrl: "http://localhost:3000/slots",
} satisfies ApplicationNotSelectedProps;
