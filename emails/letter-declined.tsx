import { Text } from "@react-email/components";
import { ButtonWithAddress, Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type LetterDeclinedProps = {
  /** The student, by first name. */
  name: string;
  mentorName: string;
  slotTitle: string;
  purpose: string;
  reason: string;
  letterUrl: string;
};

export const letterDeclinedSubject = (mentorName: string) => `${mentorName} cannot write your recommendation letter`;

/** To the student when the mentor declines: the reason, and what to do next. */
export default function LetterDeclined({ name, mentorName, slotTitle, purpose, reason, letterUrl }: LetterDeclinedProps) {
  return (
    <EmailLayout preview={letterDeclinedSubject(mentorName)}>
      <Text style={styles.heading}>Your letter request was declined</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {mentorName} cannot write your recommendation letter ({purpose}) from “{slotTitle}”. They said:
      </Text>
      <Quote tone="warning">{reason}</Quote>
      <Text style={styles.paragraph}>If the internship had another mentor, you can ask them on Steppingstone instead.</Text>
      <ButtonWithAddress href={letterUrl}>See your letters</ButtonWithAddress>
    </EmailLayout>
  );
}

LetterDeclined.PreviewProps = {
  name: "Amara",
  mentorName: "Priya Raman",
  slotTitle: "Data pipeline intern: river sensor readings",
  purpose: "Job applications",
  reason: "I am on leave until March and could not write it in time. Ask Dana, who reviewed your pipeline work.",
  letterUrl: "http://localhost:3000/letters/00000000-0000-4000-8000-000000000000",
} satisfies LetterDeclinedProps;
