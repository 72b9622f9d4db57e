import { Button, Text } from "@react-email/components";
import { Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type SlotSentBackProps = { name: string; slotTitle: string; reason: string; editUrl: string };

export const slotSentBackSubject = (slotTitle: string) => `Your slot needs changes: ${slotTitle}`;

/** Sent to each mentor of a slot when an admin sends it back instead of opening it. */
export default function SlotSentBack({ name, slotTitle, reason, editUrl }: SlotSentBackProps) {
  return (
    <EmailLayout preview={`${slotTitle} was sent back with a note from the reviewer.`}>
      <Text style={styles.heading}>Your slot needs changes before it opens</Text>
      <Text style={styles.paragraph}>
        Hi {name}, a Steppingstone administrator reviewed “{slotTitle}” and sent it back to you. It is a draft again:
        students cannot see it yet.
      </Text>
      <Quote tone="warning">What to change: {reason}</Quote>
      <Button href={editUrl} style={styles.button}>
        Edit the slot
      </Button>
      <Text style={{ ...styles.muted, marginTop: "20px" }}>
        When you have made the changes, submit it again: it goes back to the review queue.
      </Text>
    </EmailLayout>
  );
}

SlotSentBack.PreviewProps = {
  name: "Priya",
  slotTitle: "Data pipeline intern for a wildlife-tracking nonprofit",
  reason: "The learning plan lists tasks but not what the intern will learn. Add the skills they will practise each month.",
  editUrl: "http://localhost:3000/mentor/slots/00000000-0000-4000-8000-000000000000",
} satisfies SlotSentBackProps;
