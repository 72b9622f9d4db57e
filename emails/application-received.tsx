import { Button, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type ApplicationReceivedProps = { name: string; studentName: string; slotTitle: string; applicantsUrl: string };

export const applicationReceivedSubject = (slotTitle: string) => `New application: ${slotTitle}`;

/** Sent to each mentor of a slot when a student applies (or applies again). */
export default function ApplicationReceived({ name, studentName, slotTitle, applicantsUrl }: ApplicationReceivedProps) {
  return (
    <EmailLayout preview={`${studentName} applied to ${slotTitle}.`}>
      <Text style={styles.heading}>A new application</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName} applied to “{slotTitle}”. Their statement, their answers to your questions and how they fit the slot are on the
        applicants page, ranked with everyone else who applied.
      </Text>
      <Button href={applicantsUrl} style={styles.button}>
        See the applicants
      </Button>
      <Text style={{ ...styles.muted, marginTop: "20px" }}>Shortlist, decline (the student reads your reason if you give one), or propose a match for an admin to review.</Text>
    </EmailLayout>
  );
}

ApplicationReceived.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  slotTitle: "Data pipeline intern for a wildlife-tracking nonprofit",
  applicantsUrl: "http://localhost:3000/mentor/slots/00000000-0000-4000-8000-000000000000/applicants",
} satisfies ApplicationReceivedProps;
