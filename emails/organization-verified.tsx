import { Button, Link, Text } from "@react-email/components";
import { EmailLayout, styles } from "./layout";

export type OrganizationVerifiedProps = { name: string; organizationName: string; organizationUrl: string; slotsUrl: string };

export const organizationVerifiedSubject = "Your organization is verified";

/** Sent to every mentor of an organization when an admin verifies it. */
export default function OrganizationVerified({ name, organizationName, organizationUrl, slotsUrl }: OrganizationVerifiedProps) {
  return (
    <EmailLayout preview={`${organizationName} now carries the verified badge.`}>
      <Text style={styles.heading}>Your organization is verified</Text>
      <Text style={styles.paragraph}>
        Hi {name}, a Steppingstone administrator checked {organizationName} and verified it. Your organization and its
        slots now carry the verified badge, so students can see that someone looked at who you are.
      </Text>
      <Button href={slotsUrl} style={styles.button}>
        Post a slot
      </Button>
      <Text style={{ ...styles.muted, marginTop: "20px" }}>
        If you change your organization&apos;s name or website, it goes back to an administrator to be verified again.
        See your organization: <Link href={organizationUrl} style={styles.link}>{organizationUrl}</Link>
      </Text>
    </EmailLayout>
  );
}

OrganizationVerified.PreviewProps = {
  name: "Priya",
  organizationName: "Northwind Robotics",
  organizationUrl: "http://localhost:3000/organization",
  slotsUrl: "http://localhost:3000/mentor/slots",
} satisfies OrganizationVerifiedProps;
