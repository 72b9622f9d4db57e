import { Button, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type PasswordChangedProps = { name: string; resetUrl: string };

export const passwordChangedSubject = "Your Steppingstone password was changed";

export default function PasswordChanged({ name, resetUrl }: PasswordChangedProps) {
  return (
    <EmailLayout preview="Your password was just changed.">
      <Text style={styles.heading}>Your password was changed</Text>
      <Text style={styles.paragraph}>
        Hi {name}, the password of your Steppingstone account was just changed, and every other device was signed
        out.
      </Text>
      <Text style={styles.paragraph}>If this was not you, reset your password now to take the account back.</Text>
      <Button href={resetUrl} style={styles.button}>
        Reset my password
      </Button>
    </EmailLayout>
  );
}

PasswordChanged.PreviewProps = { name: "Amara", resetUrl: "http://localhost:3000/forgot-password" } satisfies PasswordChangedProps;
