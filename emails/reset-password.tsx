import { Text } from "@react-email/components";
import { ButtonWithAddress } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type ResetPasswordProps = { name: string; resetUrl: string };

export const resetPasswordSubject = "Reset your Steppingstone password";

export default function ResetPassword({ name, resetUrl }: ResetPasswordProps) {
  return (
    <EmailLayout preview="Choose a new password for your Steppingstone account.">
      <Text style={styles.heading}>Reset your password</Text>
      <Text style={styles.paragraph}>
        Hi {name}, someone (hopefully you) asked to reset the password of your Steppingstone account.
      </Text>
      <ButtonWithAddress href={resetUrl} note="The link works once and expires in 1 hour. Setting a new password signs you out on every other device.">
        Choose a new password
      </ButtonWithAddress>
      <Text style={styles.muted}>If you did not ask for this, ignore this email: your password stays as it is.</Text>
    </EmailLayout>
  );
}

ResetPassword.PreviewProps = {
  name: "Amara",
  resetUrl: "http://localhost:3000/reset-password?token=example",
} satisfies ResetPasswordProps;
