import { Link, Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type OrganizationInvitationProps = {
  inviterName: string;
  organizationName: string;
  /** The invited address: only an account with this address can accept. */
  email: string;
  joinUrl: string;
  signupUrl: string;
  expiresInDays: number;
};

export const organizationInvitationSubject = (organizationName: string) => `Join ${organizationName} on Steppingstone`;

/** A mentor invites a colleague, who may not have an account yet, to join their organization. */
export default function OrganizationInvitation({ inviterName, organizationName, email, joinUrl, signupUrl, expiresInDays }: OrganizationInvitationProps) {
  return (
    <EmailLayout preview={`${inviterName} invited you to mentor interns with ${organizationName}.`}>
      <Text style={styles.heading}>Join {organizationName} on Steppingstone</Text>
      <Text style={styles.paragraph}>
        {inviterName} invited you to join {organizationName} as a mentor. Mentors of an organization post mentored
        internship slots for students and guide the interns they take on.
      </Text>
      <ButtonWithAddress
        href={joinUrl}
        note={`The invitation works once and expires in ${expiresInDays} days.`}
        between={
          <Text style={{ ...styles.paragraph, marginTop: "20px" }}>
            <strong>New to Steppingstone?</strong> <Link href={signupUrl} style={styles.link}>Create a mentor account</Link>{" "}
            with this address, {email}, and confirm it: once you log in, this invitation opens by itself. Already have a mentor
            account with this address? The button asks you to log in.
          </Text>
        }
      >
        Accept the invitation
      </ButtonWithAddress>
      <Text style={styles.muted}>If you did not expect this invitation, you can ignore this email.</Text>
    </EmailLayout>
  );
}

OrganizationInvitation.PreviewProps = {
  inviterName: "Priya Raman",
  organizationName: "Northwind Robotics",
  email: "luis@example.org",
  joinUrl: "http://localhost:3000/organization/join?token=example",
  signupUrl: "http://localhost:3000/signup?role=mentor&email=luis%40example.org&redirectTo=%2Forganization%2Fjoin%3Ftoken%3Dexample",
  expiresInDays: 7,
} satisfies OrganizationInvitationProps;
