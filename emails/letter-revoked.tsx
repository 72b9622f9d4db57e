import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type LetterRevokedProps = {
  /** The student, by first name. */
  name: string;
  mentorName: string;
  slotTitle: string;
  purpose: string;
  letterUrl: string;
};

export const letterRevokedSubject = (mentorName: string) => `${mentorName} revoked your recommendation letter`;

/** To the student when the mentor revokes a ready letter: the links they sent stop working. */
export default function LetterRevoked({ name, mentorName, slotTitle, purpose, letterUrl }: LetterRevokedProps) {
  return (
    <EmailLayout preview={letterRevokedSubject(mentorName)}>
      <Text style={styles.heading}>Your letter was revoked</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {mentorName} revoked your recommendation letter ({purpose}) from “{slotTitle}”. The links you sent no longer open it, and it cannot be
        sent again.
      </Text>
      <Text style={styles.paragraph}>
        If you still need a letter, write to {mentorName} to ask why, or ask for a new one on Steppingstone.
      </Text>
      <ButtonWithAddress href={letterUrl}>See the letter's page</ButtonWithAddress>
    </EmailLayout>
  );
}

LetterRevoked.PreviewProps = {
  name: "Amara",
  mentorName: "Priya Raman",
  slotTitle: "Data pipeline intern: river sensor readings",
  purpose: "Graduate school",
  letterUrl: "http://localhost:3000/letters/00000000-0000-4000-8000-000000000000",
} satisfies LetterRevokedProps;
