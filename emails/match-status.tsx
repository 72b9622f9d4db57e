import { Button, Text } from "@react-email/components";
import type { AFTER_INTRODUCTION_MATCH_STATUSES } from "~/domain/vocabulary";
import { Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

/** Where one side of an introduced match can move it: every status after the introduction but the introduction itself. */
export type MatchStatusChange = Exclude<(typeof AFTER_INTRODUCTION_MATCH_STATUSES)[number], "introduced">;

export type MatchStatusProps = {
  /** The person this email goes to. */
  name: string;
  /** Who moved the match on. */
  actorName: string;
  status: MatchStatusChange;
  studentFirstName: string;
  slotTitle: string;
  organizationName: string;
  /** Why the pair is not going ahead, in the words of the person who said so. */
  reason?: string | null;
  /** For a confirmation: seats still open on the slot after this one. */
  seatsLeft?: number | null;
  matchUrl: string;
};

const talking = (t: string) => `You are talking about ${t}`;

/** Each change's heading, and its subject (which names the slot). */
const WORDS: Record<MatchStatusChange, { heading: (slotTitle: string) => string; subject: (slotTitle: string) => string }> = {
  interviewing: { heading: talking, subject: talking },
  confirmed: { heading: () => "Confirmed", subject: (t) => `Confirmed: ${t}` },
  active: { heading: () => "The internship has started", subject: (t) => `The internship has started: ${t}` },
  completed: { heading: () => "The internship is complete", subject: (t) => `The internship is complete: ${t}` },
  not_proceeding: { heading: () => "Not going ahead", subject: (t) => `Not going ahead: ${t}` },
};

export const matchStatusSubject = (status: MatchStatusChange, slotTitle: string) => WORDS[status].subject(slotTitle);

function Lead({ actorName, status, studentFirstName, slotTitle, organizationName, seatsLeft }: MatchStatusProps) {
  switch (status) {
    case "interviewing":
      return (
        <>
          {actorName} marked your match for “{slotTitle}” at {organizationName} as talking: you are getting to know each other. When you both agree to
          start, {studentFirstName} confirms the match in Steppingstone.
        </>
      );
    case "confirmed":
      return (
        <>
          {actorName} confirmed the match for “{slotTitle}”: the internship is on, and it takes one of the slot&apos;s seats
          {seatsLeft === 0 ? " — the last one, so the slot is now marked filled" : seatsLeft ? ` (${seatsLeft} still open)` : ""}. Agree on a first day
          together, and make sure {studentFirstName}&apos;s work-authorization steps are done before it. On the first day, mark the internship as
          started in Steppingstone.
        </>
      );
    case "active":
      return (
        <>
          {actorName} marked your internship “{slotTitle}” at {organizationName} as started. Welcome aboard — we hope it is a good one.
        </>
      );
    case "completed":
      return (
        <>
          {actorName} marked your internship “{slotTitle}” at {organizationName} as completed. Congratulations on finishing it. If you want a recommendation
          letter or a referral, now is a good time to ask.
        </>
      );
    case "not_proceeding":
      return (
        <>
          {actorName} said the match for “{slotTitle}” at {organizationName} is not going ahead. Thank you for the time you gave it.
        </>
      );
  }
}

/** Sent to the other side of a match when one side moves it on (see app/modules/matches/lifecycle.server.ts). */
export default function MatchStatus(props: MatchStatusProps) {
  const { name, status, reason, matchUrl, slotTitle } = props;
  return (
    <EmailLayout preview={matchStatusSubject(status, slotTitle)}>
      <Text style={styles.heading}>{WORDS[status].heading(slotTitle)}</Text>
      <Text style={styles.paragraph}>
        Hi {name}, <Lead {...props} />
      </Text>
      {reason ? <Quote tone="warning">Their reason: {reason}</Quote> : null}
      <Button href={matchUrl} style={styles.button}>
        Open the match
      </Button>
    </EmailLayout>
  );
}

MatchStatus.PreviewProps = {
  name: "Luis",
  actorName: "Amara Okafor",
  status: "confirmed",
  studentFirstName: "Amara",
  slotTitle: "Data pipeline intern: river sensor readings",
  organizationName: "Riverbend Sensors",
  seatsLeft: 1,
  matchUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000",
} satisfies MatchStatusProps;
