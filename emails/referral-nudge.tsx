import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type ReferralNudgeProps = {
  /** The person this email goes to. */
  name: string;
  /** The student: "what happened?"; the mentor asked: "a request waits for your answer". */
  to: "student" | "mentor";
  /** The other side: the mentor who referred the student, or the student who asked. */
  otherName: string;
  company: string;
  role: string;
  /** Days since the last word on it. */
  days: number;
  referralUrl: string;
};

export const referralNudgeSubject = (to: "student" | "mentor", company: string, otherName: string) =>
  to === "student" ? `What happened with your referral at ${company}?` : `${otherName} is waiting for your answer about a referral at ${company}`;

/** The sweep's reminder about a referral: to the student when a referral in progress goes quiet; to the mentor asked when a request waits. */
export default function ReferralNudge({ name, to, otherName, company, role, days, referralUrl }: ReferralNudgeProps) {
  return (
    <EmailLayout preview={referralNudgeSubject(to, company, otherName)}>
      <Text style={styles.heading}>{to === "student" ? "What happened?" : "A request is waiting"}</Text>
      {to === "student" ? (
        <Text style={styles.paragraph}>
          Hi {name}, {otherName} referred you for {role} at {company}, and nothing has been recorded for {days} days. Did you apply, are you interviewing,
          or did the company go quiet? One click on the referral&apos;s page tells {otherName} too.
        </Text>
      ) : (
        <Text style={styles.paragraph}>
          Hi {name}, {otherName} asked you {days} days ago for a referral for {role} at {company}. If you can refer them, record how and when; if not, decline
          with a reason, so they can ask someone else.
        </Text>
      )}
      <ButtonWithAddress href={referralUrl}>{to === "student" ? "Say what happened" : "Answer the request"}</ButtonWithAddress>
    </EmailLayout>
  );
}

ReferralNudge.PreviewProps = {
  name: "Amara",
  to: "student",
  otherName: "Priya Raman",
  company: "Northwind Analytics",
  role: "Junior data engineer",
  days: 15,
  referralUrl: "http://localhost:3000/referrals/00000000-0000-4000-8000-000000000000",
} satisfies ReferralNudgeProps;
