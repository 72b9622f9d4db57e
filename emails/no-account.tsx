import { Button, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type NoAccountProps = { signupUrl: string };

export const noAccountSubject = "Password reset requested for Steppingstone";

/** Sent when a password reset is asked for an address without an account. */
export default function NoAccount({ signupUrl }: NoAccountProps) {
  return (
    <EmailLayout preview="There is no Steppingstone account with this email address.">
      <Text style={styles.heading}>No account with this address</Text>
      <Text style={styles.paragraph}>
        Someone asked to reset the Steppingstone password for this email address, but no account uses it. If you
        signed up with another address, request the reset for that one. New here? You can create an account.
      </Text>
      <Button href={signupUrl} style={styles.button}>
        Create an account
      </Button>
      <Text style={{ ...styles.muted, marginTop: "20px" }}>If you did not ask for this, ignore this email.</Text>
    </EmailLayout>
  );
}

NoAccount.PreviewProps = { signupUrl: "http://localhost:3000/signup" } satisfies NoAccountProps;
