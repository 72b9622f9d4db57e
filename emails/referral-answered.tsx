import { Text } from "@react-email/components";
import { Lines } from "./check-in-written";
import { ButtonWithAddress, Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type ReferralAnsweredProps = {
  /** The student this email goes to. */
  name: string;
  mentorName: string;
  company: string;
  role: string;
  answer:
    | { accepted: true; referredOn: string; how: string; methodNote: string | null }
    /** `accountDeleted`: the mentor's account was deleted before they answered; the reason says so (REFERRAL_MENTOR_GONE_REASON). */
    | { accepted: false; reason: string; accountDeleted?: boolean };
  referralUrl: string;
};

export const referralAnsweredSubject = (mentorName: string, company: string, accepted: boolean) =>
  accepted ? `${mentorName} referred you at ${company}` : `${mentorName} answered your referral request for ${company}`;

/** The subject when the mentor's account was deleted before they answered. */
export const referralMentorGoneSubject = (company: string) => `Your referral request for ${company}: ask another mentor`;

/** Sent to the student when the mentor asked accepts (and has referred them) or declines. */
export default function ReferralAnswered({ name, mentorName, company, role, answer, referralUrl }: ReferralAnsweredProps) {
  return (
    <EmailLayout preview={!answer.accepted && answer.accountDeleted ? referralMentorGoneSubject(company) : referralAnsweredSubject(mentorName, company, answer.accepted)}>
      <Text style={styles.heading}>{answer.accepted ? "You were referred" : "Your referral request"}</Text>
      {answer.accepted ? (
        <>
          <Text style={styles.paragraph}>
            Hi {name}, {mentorName} referred you for {role} at {company} on {answer.referredOn}, {answer.how}.
          </Text>
          {answer.methodNote ? (
            <Quote tone="brand">
              <Lines text={answer.methodNote} />
            </Quote>
          ) : null}
          <Text style={styles.paragraph}>
            Apply through the posting if you have not yet. As things move — an interview, an offer, or silence — record it on the referral&apos;s page, so{" "}
            {mentorName} knows too.
          </Text>
        </>
      ) : (
        <>
          <Text style={styles.paragraph}>
            {answer.accountDeleted
              ? `Hi ${name}, ${mentorName} can no longer answer your request for a referral for ${role} at ${company}:`
              : `Hi ${name}, ${mentorName} cannot refer you for ${role} at ${company}. Their reason:`}
          </Text>
          <Quote tone="plain">
            <Lines text={answer.reason} />
          </Quote>
          <Text style={styles.paragraph}>You can ask another of your internship&apos;s mentors, or ask for a referral to another posting.</Text>
        </>
      )}
      <ButtonWithAddress href={referralUrl}>Open the referral</ButtonWithAddress>
    </EmailLayout>
  );
}

ReferralAnswered.PreviewProps = {
  name: "Amara",
  mentorName: "Priya Raman",
  company: "Northwind Analytics",
  role: "Junior data engineer",
  answer: { accepted: true, referredOn: "Nov 3, 2026", how: "through the company's internal referral tool", methodNote: "I flagged you to the hiring manager, Sam." },
  referralUrl: "http://localhost:3000/referrals/00000000-0000-4000-8000-000000000000",
} satisfies ReferralAnsweredProps;
