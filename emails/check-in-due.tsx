import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type CheckInDueProps = {
  name: string;
  week: number;
  /** The day the week's check-in was due, as words ("Jun 12, 2026"). */
  dueDay: string;
  slotTitle: string;
  organizationName: string;
  /** Earlier weeks of the internship (since it started) without a check-in either. */
  earlierMissing: number;
  checkInsUrl: string;
};

export const checkInDueSubject = (week: number, slotTitle: string) => `Your check-in for week ${week} is waiting: ${slotTitle}`;

/** To the student, the day after a week's check-in was due and not written (app/modules/mentorship/reminders.server.ts). */
export default function CheckInDue({ name, week, dueDay, slotTitle, organizationName, earlierMissing, checkInsUrl }: CheckInDueProps) {
  return (
    <EmailLayout preview={`Your check-in for week ${week} of ${slotTitle} was due on ${dueDay}.`}>
      <Text style={styles.heading}>Your check-in for week {week}</Text>
      <Text style={styles.paragraph}>
        Hi {name}, your check-in for week {week} of “{slotTitle}” at {organizationName} was due on {dueDay}, and it has not been written yet. It takes a few
        minutes: what you did, what comes next, anything blocking you, and your hours. Your mentor reads it and replies.
      </Text>
      {earlierMissing > 0 ? (
        <Text style={styles.paragraph}>
          {earlierMissing === 1 ? "One earlier week has" : `${earlierMissing} earlier weeks have`} no check-in either. A late check-in is still welcome: it is
          marked late, and it keeps your record of hours complete.
        </Text>
      ) : null}
      <ButtonWithAddress href={checkInsUrl}>Write the check-in</ButtonWithAddress>
    </EmailLayout>
  );
}

CheckInDue.PreviewProps = {
  name: "Amara",
  week: 3,
  dueDay: "Jun 12, 2026",
  slotTitle: "Data pipeline intern: river sensor readings",
  organizationName: "Riverbend Sensors",
  earlierMissing: 0,
  checkInsUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/check-ins",
} satisfies CheckInDueProps;
