import { Text } from "@react-email/components";
import { Fragment } from "react";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type MatchMessage = {
  /** The author's name, or "A former mentor" for one whose account was deleted. */
  authorName: string;
  /** When it was written, as the page shows it. */
  sentAt: string;
  body: string;
};

export type MatchMessagesProps = {
  /** The person this email goes to. */
  name: string;
  slotTitle: string;
  organizationName: string;
  /** The messages not yet emailed to them, oldest first (the newest few when many waited). */
  messages: MatchMessage[];
  /** Messages that waited too but are left out of the email (read them on the thread). */
  earlier: number;
  threadUrl: string;
};

/** "New message from Lin about …" for one, "3 new messages about …" for several. */
export function matchMessagesSubject({ count, authorName, slotTitle }: { count: number; authorName: string; slotTitle: string }) {
  if (count === 1) return `New message from ${authorName === "A former mentor" ? "a former mentor" : firstWord(authorName)} about ${slotTitle}`;
  return `${count} new messages about ${slotTitle}`;
}

const firstWord = (name: string) => name.trim().split(/\s+/)[0] || name;

const rule = { borderLeft: "3px solid #e5e7eb", paddingLeft: "12px", margin: "0 0 16px" };

/**
 * Sent to a person of a match about messages others wrote on its thread: at once for the first,
 * then at most one an hour per match, listing all that waited (app/modules/mentorship/messages.server.ts).
 */
export default function MatchMessages({ name, slotTitle, organizationName, messages, earlier, threadUrl }: MatchMessagesProps) {
  const count = messages.length + earlier;
  return (
    <EmailLayout preview={matchMessagesSubject({ count, authorName: messages[0]?.authorName ?? "", slotTitle })}>
      <Text style={styles.heading}>{count === 1 ? "A new message" : `${count} new messages`}</Text>
      <Text style={styles.paragraph}>
        Hi {name}, {count === 1 ? "there is a new message" : "there are new messages"} on the thread of “{slotTitle}” at {organizationName}.
        {earlier > 0 ? ` Here are the newest ${messages.length}; ${earlier === 1 ? "one more is" : `${earlier} more are`} on the thread.` : ""}
      </Text>
      {messages.map((message, i) => (
        <Fragment key={i}>
          <Text style={{ ...styles.muted, margin: "0 0 4px" }}>
            <strong>{message.authorName}</strong> · {message.sentAt}
          </Text>
          <Text style={{ ...styles.paragraph, ...rule }}>
            {message.body.split("\n").map((line, j) => (
              <Fragment key={j}>
                {j > 0 ? <br /> : null}
                {line}
              </Fragment>
            ))}
          </Text>
        </Fragment>
      ))}
      <ButtonWithAddress href={threadUrl} note="Reply on the thread: replies to this email go nowhere.">
        Open the thread
      </ButtonWithAddress>
    </EmailLayout>
  );
}

MatchMessages.PreviewProps = {
  name: "Lin",
  slotTitle: "Data pipeline intern: river sensor readings",
  organizationName: "Riverbend Sensors",
  messages: [
    { authorName: "Amara Okafor", sentAt: "Nov 30, 2026, 2:05 PM UTC", body: "I pushed the importer to a branch.\nCould you look at the tests before Thursday?" },
    { authorName: "Amara Okafor", sentAt: "Nov 30, 2026, 2:20 PM UTC", body: "Also: the sensor CSVs from March have a different header." },
  ],
  earlier: 0,
  threadUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/messages",
} satisfies MatchMessagesProps;
