import { Button, Text } from "@react-email/components";
import { Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type MatchProposalRejectedProps = { name: string; studentName: string; slotTitle: string; reason: string; applicantsUrl: string };

export const matchProposalRejectedSubject = (slotTitle: string) => `Your proposed match was not approved: ${slotTitle}`;

/** Sent to the mentor who proposed a match from an application when an admin rejects it. */
export default function MatchProposalRejected({ name, studentName, slotTitle, reason, applicantsUrl }: MatchProposalRejectedProps) {
  return (
    <EmailLayout preview={`The match you proposed with ${studentName} was not approved.`}>
      <Text style={styles.heading}>Your proposed match was not approved</Text>
      <Text style={styles.paragraph}>
        Hi {name}, a Steppingstone administrator reviewed the match you proposed between {studentName} and “{slotTitle}” and did not approve it.
        No introduction was sent.
      </Text>
      <Quote tone="warning">The reviewer&apos;s reason: {reason}</Quote>
      <Text style={styles.paragraph}>
        The application is back on your shortlist. You can propose the match again once the reason is addressed, or decline the application with a
        note to the student.
      </Text>
      <Button href={applicantsUrl} style={styles.button}>
        See the applicants
      </Button>
    </EmailLayout>
  );
}

MatchProposalRejected.PreviewProps = {
  name: "Luis",
  studentName: "Amara Okafor",
  slotTitle: "Data pipeline intern: river sensor readings",
  reason: "The slot starts before Amara's availability on her profile; please check the dates with her and propose again.",
  applicantsUrl: "http://localhost:3000/mentor/slots/00000000-0000-4000-8000-000000000000/applicants",
} satisfies MatchProposalRejectedProps;
