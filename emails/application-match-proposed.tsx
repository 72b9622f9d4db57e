import { Button, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type ApplicationMatchProposedProps = { name: string; slotTitle: string; organizationName: string; applicationsUrl: string };

export const applicationMatchProposedSubject = (slotTitle: string) => `A match was proposed: ${slotTitle}`;

/** Sent to a student when a mentor proposes a match from their application; an admin reviews it next. */
export default function ApplicationMatchProposed({ name, slotTitle, organizationName, applicationsUrl }: ApplicationMatchProposedProps) {
  return (
    <EmailLayout preview={`${organizationName} proposed a match from your application.`}>
      <Text style={styles.heading}>The mentor proposed a match</Text>
      <Text style={styles.paragraph}>
        Hi {name}, the mentors at {organizationName} proposed a match from your application to “{slotTitle}”. A Steppingstone admin reviews it
        next; once it is approved, you and the mentor get an introduction email with what to do next.
      </Text>
      <Button href={applicationsUrl} style={styles.button}>
        See your applications
      </Button>
    </EmailLayout>
  );
}

ApplicationMatchProposed.PreviewProps = {
  name: "Amara",
  slotTitle: "Data pipeline intern for a wildlife-tracking nonprofit",
  organizationName: "River Watch",
  applicationsUrl: "http://localhost:3000/applications",
} satisfies ApplicationMatchProposedProps;
