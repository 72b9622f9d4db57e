import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type InviteToApplyProps = {
  studentName: string;
  mentorName: string;
  organizationName: string;
  slotTitle: string;
  /** Why the platform thinks the student fits, as sentences (the score's top reasons). */
  reasons: string[];
  slotUrl: string;
  deadline: string;
};

export const inviteToApplySubject = (organizationName: string, slotTitle: string) => `${organizationName} invites you to apply: ${slotTitle}`;

/** Sent to a student when a mentor of the slot's organization invites them to apply (at most once per slot). */
export default function InviteToApply({ studentName, mentorName, organizationName, slotTitle, reasons, slotUrl, deadline }: InviteToApplyProps) {
  return (
    <EmailLayout preview={`${mentorName} of ${organizationName} thinks you would fit “${slotTitle}”.`}>
      <Text style={styles.heading}>You are invited to apply</Text>
      <Text style={styles.paragraph}>
        Hi {studentName}, {mentorName} of {organizationName} saw your profile among the students who fit their mentored
        internship “{slotTitle}” and invites you to apply.
      </Text>
      {reasons.length ? (
        <>
          <Text style={{ ...styles.paragraph, fontWeight: 600, margin: "0 0 8px" }}>Why you fit</Text>
          <ul style={{ margin: "0 0 16px", paddingLeft: "20px" }}>
            {reasons.map((reason) => (
              <li key={reason} style={{ ...styles.paragraph, margin: "0 0 6px" }}>
                {reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <Button href={slotUrl} style={styles.button}>
        Read the slot and apply
      </Button>
      <Text style={{ ...styles.muted, marginTop: "20px" }}>
        Applications close on {deadline}. An invitation is not an offer: apply if the slot interests you, and check the
        work-authorization notes on its page. Slot: <Link href={slotUrl} style={styles.link}>{slotUrl}</Link>
      </Text>
      <Text style={styles.muted}>
        You receive invitations because you let verified mentors see your profile or joined matching rounds; you can change
        that in the privacy section of your profile.
      </Text>
    </EmailLayout>
  );
}

InviteToApply.PreviewProps = {
  studentName: "Amara",
  mentorName: "Priya Raman",
  organizationName: "River Sensors Lab",
  slotTitle: "Data pipeline intern for a wildlife-tracking nonprofit",
  reasons: ["Covers 2 of 2 required skills at the level asked (Python and SQL).", "Same working hours as the team.", "Can give mentorship and a recommendation letter."],
  slotUrl: "http://localhost:3000/slots/00000000-0000-4000-8000-000000000000",
  deadline: "Mar 1, 2027",
} satisfies InviteToApplyProps;
