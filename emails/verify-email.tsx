import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type VerifyEmailProps = { name: string; verifyUrl: string };

export const verifyEmailSubject = "Confirm your email for Steppingstone";

export default function VerifyEmail({ name, verifyUrl }: VerifyEmailProps) {
  return (
    <EmailLayout preview="Confirm your email address to finish signing up.">
      <Text style={styles.heading}>Welcome to Steppingstone, {name}</Text>
      <Text style={styles.paragraph}>Confirm that this is your email address to finish creating your account.</Text>
      <ButtonWithAddress href={verifyUrl} note="The link works once and expires in 24 hours.">
        Confirm my email
      </ButtonWithAddress>
      <Text style={styles.muted}>If you did not sign up, ignore this email and no account will be activated.</Text>
    </EmailLayout>
  );
}

VerifyEmail.PreviewProps = {
  name: "Amara",
  verifyUrl: "http://localhost:3000/verify-email?token=example",
} satisfies VerifyEmailProps;
