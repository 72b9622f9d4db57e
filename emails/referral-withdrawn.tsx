import { Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type ReferralWithdrawnProps = {
  /** The mentor asked, by first name. */
  name: string;
  studentName: string;
  company: string;
  role: string;
};

export const referralWithdrawnSubject = (studentName: string, company: string) => `${studentName} withdrew their referral request for ${company}`;

/** To the mentor asked when the student withdraws a request they had not answered. No link: the request is gone. */
export default function ReferralWithdrawn({ name, studentName, company, role }: ReferralWithdrawnProps) {
  return (
    <EmailLayout preview={referralWithdrawnSubject(studentName, company)}>
      <Text style={styles.heading}>A referral request was withdrawn</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName} withdrew their request for a referral for {role} at {company}. There is nothing more to do: it is no longer on your
        referrals page, and you will not be reminded of it.
      </Text>
    </EmailLayout>
  );
}

ReferralWithdrawn.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  company: "Northwind Analytics",
  role: "Junior data engineer",
} satisfies ReferralWithdrawnProps;
