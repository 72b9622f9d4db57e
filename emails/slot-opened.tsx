import { Button, Link, Text } from "@react-email/components";
import { Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type SlotOpenedProps = { name: string; slotTitle: string; slotUrl: string; manageUrl: string; note?: string | null };

export const slotOpenedSubject = (slotTitle: string) => `Your slot is open: ${slotTitle}`;

/** Sent to each mentor of a slot when an admin opens it after review. */
export default function SlotOpened({ name, slotTitle, slotUrl, manageUrl, note }: SlotOpenedProps) {
  return (
    <EmailLayout preview={`${slotTitle} is open: students can find it and apply.`}>
      <Text style={styles.heading}>Your slot is open</Text>
      <Text style={styles.paragraph}>
        Hi {name}, a Steppingstone administrator reviewed “{slotTitle}” and opened it. Students can now find it in the
        list of slots and apply until its application deadline.
      </Text>
      {note ? (
        <Quote tone="brand">A note from the reviewer: {note}</Quote>
      ) : null}
      <Button href={slotUrl} style={styles.button}>
        See the slot as students see it
      </Button>
      <Text style={{ ...styles.muted, marginTop: "20px" }}>
        When every seat is taken, mark the slot filled; to stop taking applications, close it. Both are on the slot&apos;s
        page among your slots: <Link href={manageUrl} style={styles.link}>{manageUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

SlotOpened.PreviewProps = {
  name: "Priya",
  slotTitle: "Data pipeline intern for a wildlife-tracking nonprofit",
  slotUrl: "http://localhost:3000/slots/00000000-0000-4000-8000-000000000000",
  manageUrl: "http://localhost:3000/mentor/slots/00000000-0000-4000-8000-000000000000",
  note: "Thank you for the detailed learning plan.",
} satisfies SlotOpenedProps;
