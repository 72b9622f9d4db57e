import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type FeedbackRoundProps = {
  /** The person this email goes to. */
  name: string;
  /** The round opening, or the reminder's number after it. */
  reminder: 0 | 1 | 2;
  round: "midpoint" | "final";
  /** Who reads it: the student answers about the mentor, a mentor about the internship. */
  side: "student" | "mentor";
  studentFirstName: string;
  slotTitle: string;
  organizationName: string;
  /** The last day answers are taken, as words ("Jun 12, 2026"). */
  lastDay: string;
  feedbackUrl: string;
};

const ROUND = { midpoint: "midpoint", final: "final" } as const;

export const feedbackRoundSubject = ({ reminder, round, slotTitle }: Pick<FeedbackRoundProps, "reminder" | "round" | "slotTitle">) =>
  reminder === 0 ? `The ${ROUND[round]} feedback round is open: ${slotTitle}` : `Reminder: your ${ROUND[round]} feedback for ${slotTitle}`;

/** To each side that has not answered a feedback round: when it opens, then twice more (app/modules/mentorship/feedback.server.ts). */
export default function FeedbackRound({ name, reminder, round, side, studentFirstName, slotTitle, organizationName, lastDay, feedbackUrl }: FeedbackRoundProps) {
  const about = side === "student" ? "how the mentoring is going for you" : `how ${studentFirstName}'s internship is going`;
  return (
    <EmailLayout preview={feedbackRoundSubject({ reminder, round, slotTitle })}>
      <Text style={styles.heading}>{reminder === 0 ? `Time for the ${ROUND[round]} feedback` : `Your ${ROUND[round]} feedback is still open`}</Text>
      <Text style={styles.paragraph}>
        Hi {name},{" "}
        {reminder === 0
          ? `the ${ROUND[round]} feedback round of “${slotTitle}” at ${organizationName} is open. A few questions about ${about} — it takes about five minutes.`
          : `the ${ROUND[round]} feedback round of “${slotTitle}” at ${organizationName} has no answers from ${side === "student" ? "you" : "the mentors"} yet.`}
      </Text>
      <Text style={styles.paragraph}>
        {side === "student"
          ? "Your answers stay between you and the Steppingstone team unless you tick the box to share them with your mentor."
          : `Your answers stay between the mentors and the Steppingstone team unless you tick the box to share them with ${studentFirstName}.`}{" "}
        Answers are taken until {lastDay}.
      </Text>
      <ButtonWithAddress href={feedbackUrl}>Give feedback</ButtonWithAddress>
    </EmailLayout>
  );
}

FeedbackRound.PreviewProps = {
  name: "Amara",
  reminder: 0,
  round: "midpoint",
  side: "student",
  studentFirstName: "Amara",
  slotTitle: "Data pipeline intern: river sensor readings",
  organizationName: "Riverbend Sensors",
  lastDay: "Jun 12, 2026",
  feedbackUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/feedback",
} satisfies FeedbackRoundProps;
