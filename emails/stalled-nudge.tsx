import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type StalledNudgeProps = {
  name: string;
  /** Whole days since the last check-in, reply or message (or since the match was confirmed or started). */
  daysSilent: number;
  slotTitle: string;
  organizationName: string;
  /** The other side, as this person calls them: "Amara", "your mentors". */
  otherSide: string;
  matchUrl: string;
};

export const stalledNudgeSubject = (slotTitle: string) => `How is it going? ${slotTitle}`;

/** An admin's nudge to both sides of a stalled match (app/modules/mentorship/stalled.server.ts); replies go to that admin. */
export default function StalledNudge({ name, daysSilent, slotTitle, organizationName, otherSide, matchUrl }: StalledNudgeProps) {
  return (
    <EmailLayout preview={`It has been ${daysSilent} days since the last check-in or message on ${slotTitle}.`}>
      <Text style={styles.heading}>How is it going?</Text>
      <Text style={styles.paragraph}>
        Hi {name}, it has been {daysSilent} days since the last check-in or message on “{slotTitle}” at {organizationName}. Weeks get busy — a short check-in
        or a message to {otherSide} keeps the internship on track and its record complete.
      </Text>
      <ButtonWithAddress href={matchUrl}>Open the match</ButtonWithAddress>
      <Text style={styles.paragraph}>If something is wrong, or the internship has ended or paused, reply to this email: it goes to the Steppingstone admins, and we will help.</Text>
    </EmailLayout>
  );
}

StalledNudge.PreviewProps = {
  name: "Amara",
  daysSilent: 16,
  slotTitle: "Data pipeline intern: river sensor readings",
  organizationName: "Riverbend Sensors",
  otherSide: "your mentor",
  matchUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000",
} satisfies StalledNudgeProps;
