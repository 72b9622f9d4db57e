import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type LetterWithdrawnProps = {
  /** The mentor asked, by first name. */
  name: string;
  studentName: string;
  slotTitle: string;
  /** What the letter was for, in words ("Graduate school: MSc Computer Science, University of Toronto"). */
  purpose: string;
  /** The mentor had started it: what they wrote is deleted with the request. */
  draftDeleted: boolean;
  lettersUrl: string;
};

export const letterWithdrawnSubject = (studentName: string) => `${studentName} withdrew their request for a recommendation letter`;

/** To the mentor asked, when the student takes back a request before the letter is ready: nothing left to write. */
export default function LetterWithdrawn({ name, studentName, slotTitle, purpose, draftDeleted, lettersUrl }: LetterWithdrawnProps) {
  return (
    <EmailLayout preview={letterWithdrawnSubject(studentName)}>
      <Text style={styles.heading}>A request was withdrawn</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName} withdrew their request for a recommendation letter ({purpose}) from their internship “{slotTitle}”. You do not need to
        write it{draftDeleted ? ", and anything you had written for it on Steppingstone is deleted with the request" : ""}.
      </Text>
      <Text style={styles.paragraph}>If {studentName} asks you again, you will get a new email.</Text>
      <ButtonWithAddress href={lettersUrl}>See your letters</ButtonWithAddress>
    </EmailLayout>
  );
}

LetterWithdrawn.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  slotTitle: "Data pipeline intern: river sensor readings",
  purpose: "Graduate school: MSc Computer Science, University of Toronto",
  draftDeleted: true,
  lettersUrl: "http://localhost:3000/letters",
} satisfies LetterWithdrawnProps;
