import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type CheckInReplyDueProps = {
  name: string;
  studentFirstName: string;
  week: number;
  /** The day the check-in was written, as words. */
  writtenDay: string;
  slotTitle: string;
  checkInsUrl: string;
};

export const checkInReplyDueSubject = (studentFirstName: string, week: number) => `${studentFirstName}'s check-in for week ${week} is waiting for your reply`;

/** To the slot's mentors, when a check-in has had no reply for a few days (app/modules/mentorship/reminders.server.ts). */
export default function CheckInReplyDue({ name, studentFirstName, week, writtenDay, slotTitle, checkInsUrl }: CheckInReplyDueProps) {
  return (
    <EmailLayout preview={checkInReplyDueSubject(studentFirstName, week)}>
      <Text style={styles.heading}>A check-in is waiting for your reply</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentFirstName} wrote the check-in for week {week} of “{slotTitle}” on {writtenDay}, and nobody has replied yet. A few lines help: what
        went well, an answer to any blocker, and the time you gave this week.
      </Text>
      <ButtonWithAddress href={checkInsUrl}>Reply to the check-in</ButtonWithAddress>
    </EmailLayout>
  );
}

CheckInReplyDue.PreviewProps = {
  name: "Luis",
  studentFirstName: "Amara",
  week: 3,
  writtenDay: "Jun 12, 2026",
  slotTitle: "Data pipeline intern: river sensor readings",
  checkInsUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/check-ins",
} satisfies CheckInReplyDueProps;
