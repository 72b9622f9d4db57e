import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type ApplicationWithdrawnProps = { name: string; studentName: string; slotTitle: string; applicantsUrl: string };

export const applicationWithdrawnSubject = (slotTitle: string) => `Application withdrawn: ${slotTitle}`;

/** Sent to each mentor of a slot when a student withdraws their application: who, and from which slot — nothing else about them. */
export default function ApplicationWithdrawn({ name, studentName, slotTitle, applicantsUrl }: ApplicationWithdrawnProps) {
  return (
    <EmailLayout preview={`${studentName} withdrew their application to ${slotTitle}.`}>
      <Text style={styles.heading}>An application was withdrawn</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName} withdrew their application to “{slotTitle}”. It is no longer on your applicants page, and there is nothing for you to do. They may apply
        again while the slot is open.
      </Text>
      <ButtonWithAddress href={applicantsUrl}>See the applicants</ButtonWithAddress>
      <Text style={styles.muted}>You get this email because you mentor this slot.</Text>
    </EmailLayout>
  );
}

ApplicationWithdrawn.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  slotTitle: "Data pipeline intern for a wildlife-tracking nonprofit",
  applicantsUrl: "http://localhost:3000/mentor/slots/00000000-0000-4000-8000-000000000000/applicants",
} satisfies ApplicationWithdrawnProps;
