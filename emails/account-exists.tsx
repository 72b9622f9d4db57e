import { Button, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type AccountExistsProps = { name: string; loginUrl: string; resetUrl: string };

export const accountExistsSubject = "You already have a Steppingstone account";

/** Sent instead of a verification link when someone signs up with an address that has an account. */
export default function AccountExists({ name, loginUrl, resetUrl }: AccountExistsProps) {
  return (
    <EmailLayout preview="Someone tried to sign up with your email address.">
      <Text style={styles.heading}>You already have an account</Text>
      <Text style={styles.paragraph}>
        Hi {name}, someone just tried to create a Steppingstone account with this email address, which already
        has one. If it was you, log in instead.
      </Text>
      <Button href={loginUrl} style={styles.button}>
        Log in
      </Button>
      <Text style={{ ...styles.paragraph, marginTop: "20px" }}>
        Forgot your password? <a href={resetUrl} style={styles.link}>Reset it here</a>.
      </Text>
      <Text style={styles.muted}>If it was not you, you can ignore this email: nothing about your account changed.</Text>
    </EmailLayout>
  );
}

AccountExists.PreviewProps = {
  name: "Amara",
  loginUrl: "http://localhost:3000/login",
  resetUrl: "http://localhost:3000/forgot-password",
} satisfies AccountExistsProps;
