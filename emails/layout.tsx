import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

const colors = { ink: "#1f2937", muted: "#6b7280", brand: "#0f766e", line: "#e5e7eb" };

export const styles = {
  heading: { fontSize: "22px", fontWeight: 600, color: colors.ink, margin: "0 0 16px" },
  paragraph: { fontSize: "15px", lineHeight: "24px", color: colors.ink, margin: "0 0 16px" },
  muted: { fontSize: "13px", lineHeight: "20px", color: colors.muted, margin: "0 0 12px" },
  button: {
    backgroundColor: colors.brand,
    borderRadius: "6px",
    color: "#ffffff",
    display: "inline-block",
    fontSize: "15px",
    fontWeight: 600,
    padding: "12px 20px",
    textDecoration: "none",
  },
  link: { color: colors.brand, wordBreak: "break-all" as const },
};

/** The frame every Steppingstone email shares: brand line, content, footer. */
/** Why the email came: by default, activity on the reader's account; an email to someone without one says its own reason. */
export function EmailLayout({ preview, children, why }: { preview: string; children: ReactNode; why?: string }) {
  return (
    <Html lang="en">
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f3f4f6", fontFamily: "Helvetica, Arial, sans-serif", margin: 0, padding: "24px 0" }}>
        <Container style={{ backgroundColor: "#ffffff", borderRadius: "8px", maxWidth: "560px", padding: "32px" }}>
          <Text style={{ color: colors.brand, fontSize: "16px", fontWeight: 700, margin: "0 0 24px" }}>Steppingstone</Text>
          <Section>{children}</Section>
          <Hr style={{ borderColor: colors.line, margin: "24px 0 16px" }} />
          <Text style={styles.muted}>
            Steppingstone matches students with mentored internships.{" "}
            {why ?? "You are receiving this email because of activity on your Steppingstone account."}
          </Text>
        </Container>
      </Body>
    </Html>
  );
}
