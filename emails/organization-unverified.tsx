import { Button, Text } from "@react-email/components";
import { Quote } from "./components/kit";
import { EmailLayout, styles } from "./layout";

export type OrganizationUnverifiedProps = { name: string; organizationName: string; reason: string; organizationUrl: string };

export const organizationUnverifiedSubject = "Your organization's verification was removed";

/** Sent to every mentor of an organization when an admin removes its verification, with the reason. */
export default function OrganizationUnverified({ name, organizationName, reason, organizationUrl }: OrganizationUnverifiedProps) {
  return (
    <EmailLayout preview={`${organizationName} no longer carries the verified badge.`}>
      <Text style={styles.heading}>Your organization&apos;s verification was removed</Text>
      <Text style={styles.paragraph}>
        Hi {name}, a Steppingstone administrator removed the verification of {organizationName}. Until it is verified
        again, your organization and its slots show as not yet verified. The administrator wrote:
      </Text>
      <Quote tone="plain">{reason}</Quote>
      <Text style={styles.paragraph}>Update your organization&apos;s details if something is out of date; an administrator will look at it again.</Text>
      <Button href={organizationUrl} style={styles.button}>
        Open my organization
      </Button>
    </EmailLayout>
  );
}

OrganizationUnverified.PreviewProps = {
  name: "Priya",
  organizationName: "Northwind Robotics",
  reason: "The website no longer mentions Northwind Robotics. Update it and we will check again.",
  organizationUrl: "http://localhost:3000/organization",
} satisfies OrganizationUnverifiedProps;
