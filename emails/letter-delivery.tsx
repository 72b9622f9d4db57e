import { Text } from "@react-email/components";
import { ButtonWithAddress, Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type LetterDeliveryProps = {
  recipientName: string;
  studentName: string;
  writerName: string;
  writerTitle: string | null;
  organizationName: string;
  /** What the letter is for, after "for": the program the student named, else the kind ("graduate school"); letterPurposeForRecipient. */
  purpose: string;
  /** The student's message to the recipient. */
  message: string | null;
  waived: boolean;
  /** When the link stops working, as words. */
  expiresOn: string;
  letterUrl: string;
};

export const letterDeliverySubject = (studentName: string, writerName: string) => `Recommendation letter for ${studentName} from ${writerName}`;

/** To a recipient the student named: a link of their own to the letter. Never the letter's text. */
export default function LetterDelivery(props: LetterDeliveryProps) {
  const writer = `${props.writerName}${props.writerTitle ? `, ${props.writerTitle}` : ""} at ${props.organizationName}`;
  return (
    <EmailLayout
      preview={letterDeliverySubject(props.studentName, props.writerName)}
      why={`You are receiving this email because ${props.studentName} sent their recommendation letter to this address. You need no account to open it.`}
    >
      <Text style={styles.heading}>A recommendation letter for {props.studentName}</Text>
      <Text style={styles.paragraph}>
        Dear {props.recipientName}, {props.studentName} asked us to send you the recommendation letter {writer} wrote for them. It is for {props.purpose}.{" "}
        {props.writerName} mentored {props.studentName} during an internship arranged through Steppingstone.
      </Text>
      {props.message ? (
        <>
          <Text style={styles.paragraph}>{props.studentName}'s message to you:</Text>
          <Quote tone="plain">{props.message}</Quote>
        </>
      ) : null}
      {props.waived ? (
        <Text style={styles.paragraph}>The letter is confidential: {props.studentName} waived the right to read it and has not seen it.</Text>
      ) : null}
      <ButtonWithAddress
        href={props.letterUrl}
        note={`The link is yours alone, needs no account, and works until ${props.expiresOn}. Each time it is opened is recorded, and ${props.studentName} sees whether it was opened.`}
      >
        Open the letter
      </ButtonWithAddress>
    </EmailLayout>
  );
}

LetterDelivery.PreviewProps = {
  recipientName: "Graduate Admissions, Department of Computer Science",
  studentName: "Amara Okafor",
  writerName: "Priya Raman",
  writerTitle: "Research engineer",
  organizationName: "Riverbend Watershed Lab",
  purpose: "MSc Computer Science, University of Toronto",
  message: "Please find my letter from my summer internship mentor for my MSc application (ID 2027-4411).",
  waived: true,
  expiresOn: "Jan 14, 2027, 9:00 AM UTC",
  letterUrl: "http://localhost:3000/letter/abcdefghijklmnopqrstuvwx.abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz",
} satisfies LetterDeliveryProps;
