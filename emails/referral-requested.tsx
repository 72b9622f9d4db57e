import { Link, Text } from "@react-email/components";
import { Lines } from "./check-in-written";
import { ButtonWithAddress, Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type ReferralRequestedProps = {
  /** The mentor asked, whom this email goes to. */
  name: string;
  studentName: string;
  slotTitle: string;
  company: string;
  role: string;
  postingUrl: string;
  /** The student's note, already cut to what an email quotes. */
  note: string | null;
  referralUrl: string;
};

export const referralRequestedSubject = (studentName: string, company: string) => `${studentName} asks you for a referral at ${company}`;

/** Sent to the mentor a student asks for a referral. */
export default function ReferralRequested({ name, studentName, slotTitle, company, role, postingUrl, note, referralUrl }: ReferralRequestedProps) {
  return (
    <EmailLayout preview={referralRequestedSubject(studentName, company)}>
      <Text style={styles.heading}>A referral request</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName}, your intern on “{slotTitle}”, asks whether you would refer them for the role of {role} at {company}.
      </Text>
      <Text style={styles.paragraph}>
        The posting:{" "}
        <Link href={postingUrl} style={styles.link}>
          {postingUrl}
        </Link>
      </Text>
      {note ? (
        <Quote tone="brand">
          <Lines text={note} />
        </Quote>
      ) : null}
      <Text style={styles.paragraph}>
        If you refer them, record how and when on the request&apos;s page; if you cannot, decline it there with a reason. {studentName} is told either way.
      </Text>
      <ButtonWithAddress href={referralUrl}>Answer the request</ButtonWithAddress>
    </EmailLayout>
  );
}

ReferralRequested.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  slotTitle: "Data pipeline intern: river sensor readings",
  company: "Northwind Analytics",
  role: "Junior data engineer",
  postingUrl: "https://careers.northwind.example/jobs/1234",
  note: "I'd love to keep working on data pipelines. The team there builds the same kind of importer we did.",
  referralUrl: "http://localhost:3000/referrals/00000000-0000-4000-8000-000000000000",
} satisfies ReferralRequestedProps;
