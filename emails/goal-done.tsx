import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type GoalDoneProps = {
  /** The mentor this email goes to. */
  name: string;
  studentName: string;
  goalTitle: string;
  slotTitle: string;
  planUrl: string;
};

export const goalDoneSubject = (studentName: string, goalTitle: string) => `${studentName} marked “${goalTitle}” done — confirm it on the plan`;

/** Sent to each mentor of the slot when the student marks a goal of the plan done: it counts once a mentor confirms it. */
export default function GoalDone({ name, studentName, goalTitle, slotTitle, planUrl }: GoalDoneProps) {
  return (
    <EmailLayout preview={goalDoneSubject(studentName, goalTitle)}>
      <Text style={styles.heading}>A goal is done</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName} marked “{goalTitle}” done on the plan of “{slotTitle}”. Have a look at the work and confirm it: a goal counts as done once
        a mentor confirms it. If it needs more, set it back to in progress and say what is missing in a message.
      </Text>
      <ButtonWithAddress href={planUrl}>Confirm it on the plan</ButtonWithAddress>
    </EmailLayout>
  );
}

GoalDone.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  goalTitle: "Build the import pipeline with tests",
  slotTitle: "Data pipeline intern: river sensor readings",
  planUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/plan",
} satisfies GoalDoneProps;
