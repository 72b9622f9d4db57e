import { Text } from "@react-email/components";
import { ButtonWithAddress, Quote } from "./components/kit";
import { Lines } from "./check-in-written";
import { EmailLayout, styles } from "./layout";

export type CheckInRepliedProps = {
  /** The student this email goes to. */
  name: string;
  mentorName: string;
  week: number;
  slotTitle: string;
  reply: string;
  checkInsUrl: string;
};

export const checkInRepliedSubject = (mentorName: string, week: number) => `${mentorName} replied to your check-in for week ${week}`;

/** Sent to the student when a mentor first replies to one of their check-ins. */
export default function CheckInReplied({ name, mentorName, week, slotTitle, reply, checkInsUrl }: CheckInRepliedProps) {
  return (
    <EmailLayout preview={checkInRepliedSubject(mentorName, week)}>
      <Text style={styles.heading}>A reply to week {week}</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {mentorName} replied to your check-in for week {week} of “{slotTitle}”:
      </Text>
      <Quote tone="brand">
        <Lines text={reply} />
      </Quote>
      <ButtonWithAddress href={checkInsUrl}>Open your check-ins</ButtonWithAddress>
    </EmailLayout>
  );
}

CheckInReplied.PreviewProps = {
  name: "Amara",
  mentorName: "Priya Raman",
  week: 3,
  slotTitle: "Data pipeline intern: river sensor readings",
  reply: "Great progress on the importer. I asked IT for your staging access; let's pair on the unit conversion on Thursday.",
  checkInsUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/check-ins",
} satisfies CheckInRepliedProps;
