import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type SlotFilledProps = {
  name: string;
  slotTitle: string;
  organizationName: string;
  /** Whether the student was introduced to the mentors (their match stays open for a seat that frees up) or only applied. */
  introduced: boolean;
  /** The match page for an introduced student; the open slots for an applicant. */
  url: string;
};

export const slotFilledSubject = (slotTitle: string) => `Every seat is taken: ${slotTitle}`;

/**
 * Sent once to each student still waiting on a slot when it fills: its applicants, and the
 * students introduced to its mentors who had not confirmed. It never says who took the seats.
 */
export default function SlotFilled({ name, slotTitle, organizationName, introduced, url }: SlotFilledProps) {
  return (
    <EmailLayout preview={`Every seat of ${slotTitle} at ${organizationName} is taken.`}>
      <Text style={styles.heading}>Every seat is taken</Text>
      <Text style={styles.paragraph}>
        Hi {name}, every seat of “{slotTitle}” at {organizationName} is now taken
        {introduced ? ", so there is no seat left for you to confirm." : ", so your application will not go further."}
      </Text>
      {introduced ? (
        <Text style={styles.paragraph}>
          Your match stays open: if a seat frees up, you can still confirm. If you would rather move on, say on the match page that you are not going ahead.
        </Text>
      ) : (
        <Text style={styles.paragraph}>Thank you for applying. Other slots are open now.</Text>
      )}
      <ButtonWithAddress href={url}>{introduced ? "Open the match" : "Browse open slots"}</ButtonWithAddress>
    </EmailLayout>
  );
}

SlotFilled.PreviewProps = {
  name: "Amara",
  slotTitle: "Data pipeline intern for a wildlife-tracking nonprofit",
  organizationName: "River Watch",
  introduced: false,
  url: "http://localhost:3000/slots",
} satisfies SlotFilledProps;
