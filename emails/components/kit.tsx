import { Button, Link, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { styles } from "../layout";

// The pieces several emails share. Emails need inline styles (mail clients drop style sheets),
// so each piece carries its own.

/**
 * The email's main link as a button, then the same address as plain text for mail clients that
 * do not show the button. `note` opens the plain-text line ("The link works once…"); `between`
 * stands between the button and that line.
 */
export function ButtonWithAddress({ href, children, note, between }: { href: string; children: ReactNode; note?: string; between?: ReactNode }) {
  return (
    <>
      <Button href={href} style={styles.button}>
        {children}
      </Button>
      {between}
      <Text style={between ? styles.muted : { ...styles.muted, marginTop: "20px" }}>
        {`${note ? `${note} ` : ""}If the button does not work, paste this address into your browser: `}
        <Link href={href} style={styles.link}>
          {href}
        </Link>
      </Text>
    </>
  );
}

const QUOTE_RULES = { warning: "#b45309", brand: "#0f766e", plain: "#e5e7eb" } as const;

/** Someone's own words (a reason, a reviewer's note), set off by a rule on the left; `plain` quotes them in italics. */
export function Quote({ tone, children }: { tone: keyof typeof QUOTE_RULES; children: ReactNode }) {
  const style = { ...styles.paragraph, borderLeft: `3px solid ${QUOTE_RULES[tone]}`, paddingLeft: "12px" };
  return <Text style={tone === "plain" ? { ...style, fontStyle: "italic" } : style}>{children}</Text>;
}
