import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type LetterDueProps = {
  /** The mentor, by first name. */
  name: string;
  studentName: string;
  purpose: string;
  dueDay: string;
  /** Days left until the due date: 7 or 1. */
  daysLeft: number;
  letterUrl: string;
};

export const letterDueSubject = (studentName: string, daysLeft: number) =>
  `${studentName}'s recommendation letter is due ${daysLeft === 1 ? "tomorrow" : `in ${daysLeft} days`}`;

/** To the mentor a week and a day before a letter is due, while it is not ready or declined. */
export default function LetterDue({ name, studentName, purpose, dueDay, daysLeft, letterUrl }: LetterDueProps) {
  return (
    <EmailLayout preview={letterDueSubject(studentName, daysLeft)}>
      <Text style={styles.heading}>A letter is due {daysLeft === 1 ? "tomorrow" : "soon"}</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName} needs your recommendation letter ({purpose}) by {dueDay}. Write it on Steppingstone or upload a PDF, then mark it ready:{" "}
        {studentName} is told at once and sends it. If you cannot write it, decline with a short reason so they can ask someone else.
      </Text>
      <ButtonWithAddress href={letterUrl}>Write the letter</ButtonWithAddress>
    </EmailLayout>
  );
}

LetterDue.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  purpose: "Graduate school: MSc Computer Science, University of Toronto",
  dueDay: "Jan 15, 2027",
  daysLeft: 7,
  letterUrl: "http://localhost:3000/letters/00000000-0000-4000-8000-000000000000",
} satisfies LetterDueProps;
