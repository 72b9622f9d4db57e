import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type LetterReadyProps = {
  /** The student, by first name. */
  name: string;
  mentorName: string;
  slotTitle: string;
  purpose: string;
  waived: boolean;
  letterUrl: string;
};

export const letterReadySubject = (mentorName: string) => `Your recommendation letter from ${mentorName} is ready to send`;

/** To the student when the mentor marks the letter ready: what to do next. Never the letter's text. */
export default function LetterReady({ name, mentorName, slotTitle, purpose, waived, letterUrl }: LetterReadyProps) {
  return (
    <EmailLayout preview={letterReadySubject(mentorName)}>
      <Text style={styles.heading}>Your letter is ready</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {mentorName} finished your recommendation letter ({purpose}) from “{slotTitle}”.
      </Text>
      <Text style={styles.paragraph}>
        Send it from Steppingstone to each school or employer: each recipient gets their own link, and you see when they open it.{" "}
        {waived ? "It is confidential: you waived your right to read it, so only its recipients see its text." : "You can read it on the letter's page."}
      </Text>
      <ButtonWithAddress href={letterUrl}>Send your letter</ButtonWithAddress>
    </EmailLayout>
  );
}

LetterReady.PreviewProps = {
  name: "Amara",
  mentorName: "Priya Raman",
  slotTitle: "Data pipeline intern: river sensor readings",
  purpose: "Graduate school",
  waived: true,
  letterUrl: "http://localhost:3000/letters/00000000-0000-4000-8000-000000000000",
} satisfies LetterReadyProps;
