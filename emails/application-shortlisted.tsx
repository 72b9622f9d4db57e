import { Button, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type ApplicationShortlistedProps = { name: string; slotTitle: string; organizationName: string; applicationsUrl: string };

export const applicationShortlistedSubject = (slotTitle: string) => `You are on the shortlist: ${slotTitle}`;

/** Sent to a student when a mentor shortlists their application. */
export default function ApplicationShortlisted({ name, slotTitle, organizationName, applicationsUrl }: ApplicationShortlistedProps) {
  return (
    <EmailLayout preview={`${organizationName} shortlisted your application.`}>
      <Text style={styles.heading}>You are on the shortlist</Text>
      <Text style={styles.paragraph}>
        Hi {name}, the mentors at {organizationName} put your application to “{slotTitle}” on their shortlist. Nothing to do yet: you will hear from us
        when they decide.
      </Text>
      <Button href={applicationsUrl} style={styles.button}>
        See your applications
      </Button>
    </EmailLayout>
  );
}

ApplicationShortlisted.PreviewProps = {
  name: "Amara",
  slotTitle: "Data pipeline intern for a wildlife-tracking nonprofit",
  organizationName: "River Watch",
  applicationsUrl: "http://localhost:3000/applications",
} satisfies ApplicationShortlistedProps;
