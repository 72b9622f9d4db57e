import { Link, Text } from "@react-email/components";
import { Fragment } from "react";
import { EmailLayout, styles } from "./layout";

export type DigestItem = {
  /** The reminder in one sentence. */
  summary: string;
  /** Where to act on it (absolute). */
  url: string;
};

export type WeeklyDigestProps = {
  /** The person this email goes to. */
  name: string;
  items: DigestItem[];
  /** Where they change how reminders reach them (/account). */
  settingsUrl: string;
};

export const weeklyDigestSubject = (count: number) => `Your weekly Steppingstone digest: ${count === 1 ? "1 reminder" : `${count} reminders`}`;

/** The reminders that waited for a person who chose one weekly digest (app/modules/mentorship/digest.server.ts). */
export default function WeeklyDigest({ name, items, settingsUrl }: WeeklyDigestProps) {
  return (
    <EmailLayout preview={weeklyDigestSubject(items.length)}>
      <Text style={styles.heading}>Your week on Steppingstone</Text>
      <Text style={styles.paragraph}>
        Hi {name}, you asked for reminders once a week. {items.length === 1 ? "This one waited" : `These ${items.length} waited`} for you:
      </Text>
      {items.map((item, i) => (
        <Fragment key={i}>
          <Text style={{ ...styles.paragraph, margin: "0 0 4px" }}>• {item.summary}</Text>
          <Text style={{ ...styles.muted, margin: "0 0 16px", paddingLeft: "14px" }}>
            <Link href={item.url} style={styles.link}>
              {item.url}
            </Link>
          </Text>
        </Fragment>
      ))}
      <Text style={styles.muted}>
        {"Rather have each reminder as it comes? Change it on your account page: "}
        <Link href={settingsUrl} style={styles.link}>
          {settingsUrl}
        </Link>
      </Text>
    </EmailLayout>
  );
}

WeeklyDigest.PreviewProps = {
  name: "Amara",
  items: [
    { summary: "Your check-in for week 3 of “Data pipeline intern” is due.", url: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/check-ins" },
    { summary: "The midpoint feedback of “Data pipeline intern” is open.", url: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000/feedback" },
  ],
  settingsUrl: "http://localhost:3000/account",
} satisfies WeeklyDigestProps;
