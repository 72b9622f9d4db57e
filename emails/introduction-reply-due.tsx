import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type IntroductionReplyDueProps = {
  name: string;
  studentName: string;
  studentFirstName: string;
  /** Whole days since the introduction went out. */
  days: number;
  slotTitle: string;
  matchUrl: string;
};

export const introductionReplyDueSubject = (studentName: string) => `${studentName} is waiting to hear from you`;

/** To the slot's mentors, when an introduction has had no word from them for a few days (app/modules/mentorship/reminders.server.ts). */
export default function IntroductionReplyDue({ name, studentName, studentFirstName, days, slotTitle, matchUrl }: IntroductionReplyDueProps) {
  return (
    <EmailLayout preview={`You were introduced to ${studentName} for ${slotTitle} ${days} days ago.`}>
      <Text style={styles.heading}>{studentFirstName} is waiting to hear from you</Text>
      <Text style={styles.paragraph}>
        Hi {name}, we introduced you to {studentName} for “{slotTitle}” {days} days ago, and {studentFirstName} has not heard from you yet. A short message on
        the match is enough to start: suggest a time to talk, or say if the slot is no longer a fit.
      </Text>
      <ButtonWithAddress href={matchUrl}>Open the match</ButtonWithAddress>
    </EmailLayout>
  );
}

IntroductionReplyDue.PreviewProps = {
  name: "Luis",
  studentName: "Amara Okafor",
  studentFirstName: "Amara",
  days: 3,
  slotTitle: "Data pipeline intern: river sensor readings",
  matchUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/messages",
} satisfies IntroductionReplyDueProps;
