import { Text } from "@react-email/components";
import { ButtonWithAddress, Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type LetterRequestedProps = {
  /** The mentor asked, by first name. */
  name: string;
  studentName: string;
  slotTitle: string;
  /** What the letter is for, in words ("Graduate school: MSc Computer Science, University of Toronto"). */
  purpose: string;
  dueDay: string;
  note: string | null;
  waived: boolean;
  letterUrl: string;
};

export const letterRequestedSubject = (studentName: string) => `${studentName} asks you for a recommendation letter`;

/** To the mentor a student asked for a letter: what for, by when, and whether it is confidential. */
export default function LetterRequested({ name, studentName, slotTitle, purpose, dueDay, note, waived, letterUrl }: LetterRequestedProps) {
  return (
    <EmailLayout preview={letterRequestedSubject(studentName)}>
      <Text style={styles.heading}>A recommendation letter</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName} asks you for a recommendation letter from their internship “{slotTitle}”.
      </Text>
      <Text style={styles.paragraph}>
        For: {purpose}
        <br />
        Needed by: {dueDay}
      </Text>
      {note ? <Quote tone="plain">{note}</Quote> : null}
      <Text style={styles.paragraph}>
        {waived
          ? `${studentName} waived the right to read it: only you, the people they send it to and the Steppingstone admins will read it.`
          : `${studentName} kept the right to read it once it is ready.`}{" "}
        Write it on Steppingstone (we print your organization's letterhead) or upload a PDF. If you cannot write it, decline with a short reason so{" "}
        {studentName} can ask someone else in time.
      </Text>
      <ButtonWithAddress href={letterUrl}>Open the request</ButtonWithAddress>
    </EmailLayout>
  );
}

LetterRequested.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  slotTitle: "Data pipeline intern: river sensor readings",
  purpose: "Graduate school: MSc Computer Science, University of Toronto",
  dueDay: "Jan 15, 2027",
  note: "Could you mention the sensor import pipeline and the talk I gave to the team?",
  waived: true,
  letterUrl: "http://localhost:3000/letters/00000000-0000-4000-8000-000000000000",
} satisfies LetterRequestedProps;
