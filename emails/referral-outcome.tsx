import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type ReferralOutcomeProps = {
  /** The person this email goes to, by first name. */
  name: string;
  /** Who it goes to: the student, or the mentor who referred them. */
  to: "student" | "mentor";
  /** Who recorded the outcome: the mentor who referred the student, or the student. */
  byName: string;
  company: string;
  role: string;
  /** The outcome, as the referral's page labels it ("Interviewing"). */
  outcome: string;
  referralUrl: string;
};

export const referralOutcomeSubject = (byName: string, company: string, outcome: string) => `Referral at ${company}: ${outcome} — from ${byName}`;

/** To the other side of a referral when one side records a new outcome for it. */
export default function ReferralOutcome({ name, to, byName, company, role, outcome, referralUrl }: ReferralOutcomeProps) {
  return (
    <EmailLayout preview={referralOutcomeSubject(byName, company, outcome)}>
      <Text style={styles.heading}>News about a referral</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {byName} recorded what came of {to === "student" ? "your referral" : "the referral you made"} for {role} at {company}: {outcome}.
      </Text>
      <Text style={styles.paragraph}>
        {to === "student"
          ? "If it is not how things stand for you, record the outcome as you see it on the referral's page."
          : "You can follow it, or correct it, on the referral's page."}
      </Text>
      <ButtonWithAddress href={referralUrl}>Open the referral</ButtonWithAddress>
    </EmailLayout>
  );
}

ReferralOutcome.PreviewProps = {
  name: "Priya",
  to: "mentor",
  byName: "Amara Okafor",
  company: "Northwind Analytics",
  role: "Junior data engineer",
  outcome: "Interviewing",
  referralUrl: "http://localhost:3000/referrals/00000000-0000-4000-8000-000000000000",
} satisfies ReferralOutcomeProps;
