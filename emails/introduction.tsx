import { Link, Section, Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type IntroductionProps = {
  student: { name: string; firstName: string; email: string; about: string | null };
  mentors: { name: string; firstName: string; email: string }[];
  organization: { name: string; about: string | null };
  slot: { title: string; terms: string; url: string };
  /** The strongest reasons for the match, about the student by first name. */
  reasons: string[];
  /**
   * For the mentors, when the student has steps before a first day: what the organization may be
   * asked for, in words that fit any status. Null when the student has none. The steps themselves
   * go to the student alone, in a separate email (introduction-steps.tsx): this one never names a
   * status or its steps.
   */
  documents: string | null;
  matchUrl: string;
};

export const introductionSubject = ({ studentName, organizationName, slotTitle }: { studentName: string; organizationName: string; slotTitle: string }) =>
  `Introduction: ${studentName} and ${organizationName} — ${slotTitle}`;

const box = { backgroundColor: "#f8fafc", borderRadius: "8px", padding: "16px 18px", margin: "0 0 16px" };
const label = { fontSize: "12px", fontWeight: 700, letterSpacing: "0.04em", textTransform: "uppercase" as const, color: "#6b7280", margin: "0 0 6px" };
const item = { ...styles.paragraph, margin: "0 0 6px" };
const listed = (words: string[]) => (words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`);

/**
 * The introduction: one email to the student and the slot's mentors together, sent when an
 * admin approves a match. Who each is, why they were matched, and what to do next. Everyone in
 * it reads all of it, so it carries nothing about the student's work-authorization status.
 */
export default function Introduction({ student, mentors, organization, slot, reasons, documents, matchUrl }: IntroductionProps) {
  const mentorNames = listed(mentors.map((m) => m.name));
  return (
    <EmailLayout preview={`${student.name}, meet ${mentorNames} of ${organization.name}: ${slot.title}.`}>
      <Text style={styles.heading}>
        {student.firstName}, meet {organization.name}
      </Text>
      <Text style={styles.paragraph}>
        Hello {listed([student.firstName, ...mentors.map((m) => m.firstName)])}. Steppingstone thinks you would work well together on “{slot.title}”, and
        an administrator has read the match and approved it. This email introduces you to each other: reply all, and everyone in it reads your answer.
      </Text>

      <Section style={box}>
        <Text style={label}>The student</Text>
        <Text style={{ ...item, fontWeight: 600 }}>
          {student.name} · <Link href={`mailto:${student.email}`} style={styles.link}>{student.email}</Link>
        </Text>
        {student.about ? <Text style={{ ...item, color: "#4b5563" }}>{student.about}</Text> : null}
      </Section>

      <Section style={box}>
        <Text style={label}>{mentors.length === 1 ? "The mentor" : "The mentors"}</Text>
        {mentors.map((m) => (
          <Text key={m.email} style={{ ...item, fontWeight: 600 }}>
            {m.name} · <Link href={`mailto:${m.email}`} style={styles.link}>{m.email}</Link>
          </Text>
        ))}
        <Text style={{ ...item, color: "#4b5563" }}>
          {organization.name}
          {organization.about ? ` — ${organization.about}` : ""}
        </Text>
        <Text style={{ ...item, marginTop: "10px" }}>
          <Link href={slot.url} style={{ ...styles.link, fontWeight: 600 }}>
            {slot.title}
          </Link>
        </Text>
        <Text style={{ ...item, color: "#4b5563" }}>{slot.terms}</Text>
      </Section>

      {reasons.length ? (
        <>
          <Text style={{ ...styles.paragraph, fontWeight: 600, margin: "8px 0 8px" }}>Why we matched you</Text>
          {reasons.map((reason) => (
            <Text key={reason} style={item}>
              • {reason}
            </Text>
          ))}
        </>
      ) : null}

      <Text style={{ ...styles.paragraph, fontWeight: 600, margin: "20px 0 8px" }}>What to do next</Text>
      <Text style={item}>
        1. <strong>Reply all</strong> to this email to set up a first conversation. Half an hour on a video call is a good start; mentors, please answer
        within three working days.
      </Text>
      <Text style={item}>2. Talk about the project, the hours and dates, and what {student.firstName} wants to learn.</Text>
      <Text style={item}>
        3. When you both agree to start, {student.firstName} confirms the match in Steppingstone. That takes one of the slot&apos;s seats.
      </Text>
      <Text style={{ ...item, margin: "0 0 16px" }}>
        If it is not the right fit, either of you can say so on the match page, with a short reason. No hard feelings: it frees the seat for someone else.
      </Text>

      {documents ? (
        <Section style={{ ...box, backgroundColor: "#fffbeb", borderLeft: "3px solid #b45309" }}>
          <Text style={label}>Before the first day</Text>
          <Text style={item}>{documents}</Text>
          <Text style={{ ...styles.muted, margin: "8px 0 0" }}>
            {student.firstName}: your own steps are in a separate email, sent only to you. This is guidance to confirm with the school&apos;s
            international office, not legal advice.
          </Text>
        </Section>
      ) : null}

      <ButtonWithAddress href={matchUrl}>Open the match in Steppingstone</ButtonWithAddress>
    </EmailLayout>
  );
}

Introduction.PreviewProps = {
  student: {
    name: "Amara Okafor",
    firstName: "Amara",
    email: "amara@example.org",
    about: "Master's in Computer Science at Northeastern University, graduating May 2027 · Boston, United States",
  },
  mentors: [
    { name: "Luis Ortega", firstName: "Luis", email: "luis@example.org" },
    { name: "Priya Raman", firstName: "Priya", email: "priya@example.org" },
  ],
  organization: { name: "Riverbend Sensors", about: "Nonprofit, 11–50 people, Portland, United States" },
  slot: {
    title: "Data pipeline intern: river sensor readings",
    terms: "Remote (team in Portland, United States) · 30 hours a week · 12 weeks, Jun 1, 2027 – Aug 23, 2027 · $24.00 USD an hour",
    url: "http://localhost:3000/slots/00000000-0000-4000-8000-000000000000",
  },
  reasons: [
    "Covers 2 of 2 required skills at the level asked (Python and SQL).",
    "Can give mentorship, a recommendation letter, and a referral.",
    "Same working hours as the team.",
  ],
  documents:
    "Before a start date, Amara may ask Riverbend Sensors for documents for the school or for work authorization — for example an offer letter with the dates, hours and duties, or a letter confirming the placement. Please provide them in good time.",
  matchUrl: "http://localhost:3000/matches/00000000-0000-4000-8000-000000000000",
} satisfies IntroductionProps;
