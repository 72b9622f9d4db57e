import { StyleSheet, Text, View } from "@react-pdf/renderer";
import type { ReactNode } from "react";

// What every document shares: the page, the letterhead, headings, a table of facts, the signature
// block, and the foot of each page — the verification code and address of an issued document, or
// the DRAFT mark of one not yet signed.

/** The family every document sets its text in: DejaVu Sans, registered by render.server.ts (Helvetica prints Latin-1 only). */
export const DOCUMENT_FONT = "DejaVu Sans";

/** The documents' text colour. */
export const DOCUMENT_INK = "#0f172a";
const INK = DOCUMENT_INK;
const MUTED = "#475569";
const RULE = "#cbd5e1";
const ACCENT = "#0f5e63";

export const documentStyles = StyleSheet.create({
  page: { paddingTop: 48, paddingBottom: 92, paddingHorizontal: 60, fontFamily: DOCUMENT_FONT, fontSize: 10, lineHeight: 1.45, color: INK },
  /** The letterhead's frame: a rule under it (the recommendation letter stacks its lines in it). */
  letterhead: { borderBottomWidth: 2, borderBottomColor: ACCENT, paddingBottom: 10, marginBottom: 18 },
  /** Letterhead's two sides: the organization on the left, the date and reference on the right. */
  letterheadRow: { flexDirection: "row", justifyContent: "space-between", alignItems: "flex-end" },
  letterheadMain: { flexGrow: 1, flexShrink: 1, paddingRight: 16 },
  letterheadSide: { width: 170, textAlign: "right" },
  organization: { fontWeight: 700, fontSize: 17, color: ACCENT, marginBottom: 3, lineHeight: 1.2 },
  muted: { color: MUTED, fontSize: 9 },
  dated: { marginBottom: 14 },
  heading: { fontWeight: 700, fontSize: 15, marginBottom: 12, lineHeight: 1.2 },
  sectionHeading: { fontWeight: 700, fontSize: 10, color: ACCENT, textTransform: "uppercase", letterSpacing: 0.6, marginTop: 14, marginBottom: 6 },
  paragraph: { marginBottom: 8 },
  facts: { borderTopWidth: 1, borderTopColor: RULE, marginTop: 4, marginBottom: 4 },
  factRow: { flexDirection: "row", borderBottomWidth: 1, borderBottomColor: RULE, paddingVertical: 3 },
  factLabel: { width: 130, color: MUTED, fontSize: 9, paddingTop: 1 },
  factValue: { flexGrow: 1, flexShrink: 1 },
  bullet: { flexDirection: "row", marginBottom: 3 },
  bulletMark: { width: 12, color: ACCENT },
  bulletText: { flexGrow: 1, flexShrink: 1 },
  signatureBlock: { marginTop: 20, borderTopWidth: 1, borderTopColor: RULE, paddingTop: 10, width: 300 },
  signature: { marginTop: 24, fontWeight: 700 },
  signerName: { fontWeight: 700, fontSize: 12 },
  footer: { position: "absolute", left: 60, right: 60, bottom: 36, borderTopWidth: 1, borderTopColor: RULE, paddingTop: 7, fontSize: 8.5, color: MUTED, lineHeight: 1.4 },
  footerStrong: { fontWeight: 700, color: INK },
  draftMark: { position: "absolute", top: 330, left: 0, right: 0, textAlign: "center", fontSize: 110, fontWeight: 700, color: "#e2e8f0", transform: "rotate(-30deg)" },
  draftFooter: { fontWeight: 700, color: "#b91c1c" },
});
const s = documentStyles;

/** Printed at the foot of every page: where anyone can check the document is authentic. */
export function VerificationFooter({ code, url }: { code: string; url: string }) {
  return (
    <View style={s.footer} fixed>
      <Text>
        <Text style={s.footerStrong}>Verification code {code}.</Text> Check that this document is authentic at {url}
      </Text>
    </View>
  );
}

/** The foot and the mark of a document not yet signed: it has no verification code and is not valid. */
export function DraftMarks() {
  return (
    <>
      <Text style={s.draftMark} fixed>
        DRAFT
      </Text>
      <View style={s.footer} fixed>
        <Text style={s.draftFooter}>DRAFT — not signed. This draft has no verification code and is not valid as a document.</Text>
      </View>
    </>
  );
}

/** The organization's letterhead: its name, what it is, where, its website; on the right the date and the reference. */
export function Letterhead({ name, lines, side }: { name: string; lines: (string | null)[]; side: (string | null)[] }) {
  return (
    <View style={[s.letterhead, s.letterheadRow]}>
      <View style={s.letterheadMain}>
        <Text style={s.organization}>{name}</Text>
        {lines.filter(Boolean).map((line) => (
          <Text key={line} style={s.muted}>
            {line}
          </Text>
        ))}
      </View>
      <View style={s.letterheadSide}>
        {side.filter(Boolean).map((line) => (
          <Text key={line} style={s.muted}>
            {line}
          </Text>
        ))}
      </View>
    </View>
  );
}

/** A heading inside a document. */
export function SectionHeading({ children }: { children: ReactNode }) {
  return (
    <Text style={s.sectionHeading} minPresenceAhead={60}>
      {children}
    </Text>
  );
}

/** Label and value rows: the facts a reader looks for first. */
export function Facts({ rows }: { rows: [label: string, value: string][] }) {
  return (
    <View style={s.facts}>
      {rows.map(([label, value]) => (
        <View key={label} style={s.factRow} wrap={false}>
          <Text style={s.factLabel}>{label}</Text>
          <Text style={s.factValue}>{value}</Text>
        </View>
      ))}
    </View>
  );
}

/** A list with a mark before each item. */
export function Bullets({ items }: { items: string[] }) {
  return (
    <View>
      {items.map((item, i) => (
        <View key={i} style={s.bullet} wrap={false}>
          <Text style={s.bulletMark}>•</Text>
          <Text style={s.bulletText}>{item}</Text>
        </View>
      ))}
    </View>
  );
}

/** Who signed, with their title and organization, and when; or the lines a draft leaves for them. */
export function SignatureBlock({ signature, organizationName }: { signature: { name: string; title: string; signedAt: string } | null; organizationName: string }) {
  return (
    <View style={s.signatureBlock} wrap={false}>
      {signature ? (
        <>
          <Text style={s.muted}>Signed electronically on {signature.signedAt}</Text>
          <Text style={[s.signerName, { marginTop: 6 }]}>{signature.name}</Text>
          <Text>
            {signature.title}, {organizationName}
          </Text>
        </>
      ) : (
        <>
          <Text style={s.muted}>To be signed by a mentor of the internship</Text>
          <Text style={[s.signerName, { marginTop: 6, color: MUTED }]}>Name, title</Text>
          <Text style={s.muted}>{organizationName}</Text>
        </>
      )}
    </View>
  );
}
