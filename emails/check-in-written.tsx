import { Text } from "@react-email/components";
import { ButtonWithAddress, Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type CheckInWrittenProps = {
  /** The mentor this email goes to. */
  name: string;
  studentName: string;
  week: number;
  late: boolean;
  slotTitle: string;
  /** What the student did, in their words (the first lines). */
  done: string;
  blockers: string | null;
  checkInsUrl: string;
};

export const checkInWrittenSubject = (studentName: string, week: number) => `${studentName} wrote the check-in for week ${week}`;

/** Sent to each mentor of the slot when the student writes a week's check-in (not on an edit). */
export default function CheckInWritten({ name, studentName, week, late, slotTitle, done, blockers, checkInsUrl }: CheckInWrittenProps) {
  return (
    <EmailLayout preview={checkInWrittenSubject(studentName, week)}>
      <Text style={styles.heading}>Week {week}&apos;s check-in</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName} wrote the check-in for week {week} of “{slotTitle}”{late ? " (after its due day)" : ""}. Reply with a few lines and the
        time you gave this week: it keeps the internship on track, and the hours are the record a student may need later.
      </Text>
      <Quote tone="plain">{done}</Quote>
      {blockers ? <Quote tone="warning">Blocked by: {blockers}</Quote> : null}
      <ButtonWithAddress href={checkInsUrl}>Read and reply</ButtonWithAddress>
    </EmailLayout>
  );
}

CheckInWritten.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  week: 3,
  late: false,
  slotTitle: "Data pipeline intern: river sensor readings",
  done: "Finished the CSV importer and its tests; opened a pull request for the unit conversion.",
  blockers: "Waiting for access to the staging database.",
  checkInsUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/check-ins",
} satisfies CheckInWrittenProps;
