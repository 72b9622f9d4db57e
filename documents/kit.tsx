import { StyleSheet, Text, View } from "@react-pdf/renderer";

// What every document shares: the page, the letterhead, and the verification footer.

export const documentStyles = StyleSheet.create({
  page: { paddingTop: 56, paddingBottom: 96, paddingHorizontal: 64, fontFamily: "Helvetica", fontSize: 11, lineHeight: 1.5, color: "#0f172a" },
  letterhead: { borderBottomWidth: 1, borderBottomColor: "#cbd5e1", paddingBottom: 12, marginBottom: 20 },
  organization: { fontFamily: "Helvetica-Bold", fontSize: 16, marginBottom: 2 },
  muted: { color: "#475569", fontSize: 10 },
  dated: { marginBottom: 16 },
  heading: { fontFamily: "Helvetica-Bold", fontSize: 14, marginBottom: 12 },
  paragraph: { marginBottom: 10 },
  signature: { marginTop: 24, fontFamily: "Helvetica-Bold" },
  footer: { position: "absolute", left: 64, right: 64, bottom: 40, borderTopWidth: 1, borderTopColor: "#cbd5e1", paddingTop: 8, fontSize: 9, color: "#475569" },
});

/** Printed at the foot of every page: where anyone can check the document is authentic. */
export function VerificationFooter({ code, url }: { code: string; url: string }) {
  return (
    <View style={documentStyles.footer} fixed>
      <Text>
        Verification code {code}. Check that this document is authentic at {url}
      </Text>
    </View>
  );
}
