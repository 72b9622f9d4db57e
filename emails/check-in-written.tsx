import { Text } from "@react-email/components";
import { Fragment } from "react";
import { formatHours } from "~/modules/mentorship/hours";
import { ButtonWithAddress, Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type CheckInWrittenProps = {
  /** The mentor this email goes to. */
  name: string;
  studentName: string;
  week: number;
  late: boolean;
  slotTitle: string;
  /** The student's words, each already cut to what an email quotes (the rest is on the page). */
  done: string;
  next: string;
  blockers: string | null;
  hoursWorked: number;
  mentorHoursReceived: number;
  checkInsUrl: string;
};

export const checkInWrittenSubject = (studentName: string, week: number) => `${studentName} wrote the check-in for week ${week}`;

const hours = (value: number) => `${formatHours(value)} hour${value === 1 ? "" : "s"}`;

/** The student's text with its line breaks and paragraphs kept (an email's paragraph collapses them otherwise). */
export function Lines({ text }: { text: string }) {
  const lines = text.split("\n");
  return (
    <>
      {lines.map((line, i) => (
        <Fragment key={i}>
          {i > 0 ? <br /> : null}
          {line}
        </Fragment>
      ))}
    </>
  );
}

function Labelled({ label, tone = "plain", text }: { label: string; tone?: "plain" | "warning"; text: string }) {
  return (
    <>
      <Text style={{ ...styles.paragraph, fontWeight: 600, marginBottom: "4px" }}>{label}</Text>
      <Quote tone={tone}>
        <Lines text={text} />
      </Quote>
    </>
  );
}

/** Sent to each mentor of the slot when the student writes a week's check-in (not on an edit). */
export default function CheckInWritten({
  name,
  studentName,
  week,
  late,
  slotTitle,
  done,
  next,
  blockers,
  hoursWorked,
  mentorHoursReceived,
  checkInsUrl,
}: CheckInWrittenProps) {
  return (
    <EmailLayout preview={checkInWrittenSubject(studentName, week)}>
      <Text style={styles.heading}>Week {week}&apos;s check-in</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {studentName} wrote the check-in for week {week} of “{slotTitle}”{late ? " (after its due day)" : ""}. Reply with a few lines and the time you gave
        this week: it keeps the internship on track, and the hours are the record a student may need later.
      </Text>
      <Labelled label="What they did" text={done} />
      <Labelled label="What is next" text={next} />
      {blockers ? <Labelled label="Blockers" tone="warning" text={blockers} /> : null}
      <Text style={styles.paragraph}>
        Hours worked: {hours(hoursWorked)}
        <br />
        Mentor time received: {hours(mentorHoursReceived)}
      </Text>
      <ButtonWithAddress href={checkInsUrl}>Read and reply</ButtonWithAddress>
    </EmailLayout>
  );
}

CheckInWritten.PreviewProps = {
  name: "Priya",
  studentName: "Amara Okafor",
  week: 3,
  late: false,
  slotTitle: "Data pipeline intern: river sensor readings",
  done: "Finished the CSV importer and its tests.\n\nOpened a pull request for the unit conversion; it needs a review.",
  next: "Start on the gauge chart.",
  blockers: "Waiting for access to the staging database.",
  hoursWorked: 22.5,
  mentorHoursReceived: 2,
  checkInsUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/check-ins",
} satisfies CheckInWrittenProps;
