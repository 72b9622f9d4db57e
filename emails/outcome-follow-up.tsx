import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type OutcomeFollowUpProps = {
  name: string;
  months: number;
  slotTitle: string;
  organizationName: string;
  /** The four one-click answers, each a link that records it (app/routes/follow-up.$token.tsx). */
  links: { label: string; url: string }[];
  /** How long the links take an answer, and change it after the first (FOLLOW_UP_LINK_DAYS, FOLLOW_UP_CHANGE_DAYS). */
  linkDays: number;
  changeDays: number;
};

export const outcomeFollowUpSubject = (months: number) => `Where are you now? ${months} months after your internship`;

/** To the student 3 and 6 months after completion (app/modules/mentorship/outcomes.server.ts). */
export default function OutcomeFollowUp({ name, months, slotTitle, organizationName, links, linkDays, changeDays }: OutcomeFollowUpProps) {
  return (
    <EmailLayout preview={`${months} months after “${slotTitle}”: one click tells us where you are now.`}>
      <Text style={styles.heading}>Where are you now?</Text>
      <Text style={styles.paragraph}>
        Hi {name}, it has been {months} months since your internship “{slotTitle}” at {organizationName}. Where are you now? One click records your answer — no
        need to log in. It helps us learn which internships become a stepping stone.
      </Text>
      {links.map((link) => (
        <Text key={link.url} style={{ margin: "0 0 12px" }}>
          <Button href={link.url} style={styles.button}>
            {link.label}
          </Button>
        </Text>
      ))}
      <Text style={styles.paragraph}>Only you and the Steppingstone admins see this answer.</Text>
      <Text style={{ ...styles.muted, marginTop: "20px" }}>
        The links take your answer for {linkDays} days. Picked the wrong one? After your first answer, another of these links changes it for {changeDays} days.
        If the buttons do not work, paste one of these addresses into your browser:
      </Text>
      {links.map((link) => (
        <Text key={`${link.url}-text`} style={styles.muted}>
          {link.label}:{" "}
          <Link href={link.url} style={styles.link}>
            {link.url}
          </Link>
        </Text>
      ))}
    </EmailLayout>
  );
}

const sample = "http://localhost:3000/follow-up/vsbltf72rwyufq6src23ytse.aaaabbbbccccddddeeeeffffgggghhhhiiiijjjjkkkkllllmmmm";
OutcomeFollowUp.PreviewProps = {
  name: "Amara",
  months: 3,
  slotTitle: "Data pipeline intern: river sensor readings",
  organizationName: "Riverbend Sensors",
  links: [
    { label: "In a paid internship", url: `${sample}?answer=paid_internship` },
    {
      label: "I have a full-time offer",
      url: `${sample}?answer=full_time_offer`,
    },
    { label: "Still searching", url: `${sample}?answer=still_searching` },
    { label: "Studying", url: `${sample}?answer=studying` },
  ],
  linkDays: 30,
  changeDays: 7,
} satisfies OutcomeFollowUpProps;
