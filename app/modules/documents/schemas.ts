import { z } from "zod";
import { DOCUMENT_KINDS } from "~/domain/vocabulary";
import { UNKNOWN_BUTTON } from "~/forms/gate";
import { MAX_DUTIES_LENGTH } from "./content";

// The documents tab's forms (/matches/:matchId/documents), told apart by `intent`, and the code
// typed at /verify. Used by the server and the browser.

export const MAX_SIGNER_LENGTH = 120;

const NOT_A_KIND = "Steppingstone does not know that document: the page may be out of date. Reload it and try again.";

/** The student generates a document of a kind (again, while one waits for a signature: it is regenerated). */
export const GenerateDocumentSchema = z.object({
  intent: z.literal("generate"),
  kind: z.enum(DOCUMENT_KINDS, { error: NOT_A_KIND }),
});

/** A mentor signs a generated document: the duties as corrected, their full name and title, and that the facts are right. */
export const SignDocumentSchema = z.object({
  intent: z.literal("sign"),
  documentId: z.string({ error: UNKNOWN_BUTTON }).uuid({ error: UNKNOWN_BUTTON }),
  /** When the text under review was generated (its updatedAt): a regenerated document is reviewed again. */
  revision: z.string({ error: UNKNOWN_BUTTON }),
  duties: z
    .string({ error: "List the duties: one a line" })
    .trim()
    .min(1, "List the duties: one a line")
    .max(MAX_DUTIES_LENGTH, `Use at most ${MAX_DUTIES_LENGTH} characters`),
  signerName: z
    .string({ error: "Type your full name as you sign" })
    .trim()
    .min(2, "Type your full name as you sign")
    .max(MAX_SIGNER_LENGTH, `Use at most ${MAX_SIGNER_LENGTH} characters`),
  signerTitle: z
    .string({ error: "Give your title, as the letter prints it under your name" })
    .trim()
    .min(2, "Give your title, as the letter prints it under your name")
    .max(MAX_SIGNER_LENGTH, `Use at most ${MAX_SIGNER_LENGTH} characters`),
  confirm: z.literal("on", { error: "Confirm that the facts are right before you sign" }),
});
export type SignDocumentInput = z.output<typeof SignDocumentSchema>;

export const MAX_REVOCATION_REASON = 1000;

/** A slot's mentor or an admin revokes an issued document, saying why (the student reads it; /verify does not). */
export const RevokeDocumentSchema = z.object({
  intent: z.literal("revoke"),
  documentId: z.string({ error: UNKNOWN_BUTTON }).uuid({ error: UNKNOWN_BUTTON }),
  reason: z
    .string({ error: "Say why it is revoked: the student reads it" })
    .trim()
    .min(10, "Say why it is revoked in a sentence: the student reads it")
    .max(MAX_REVOCATION_REASON, `Use at most ${MAX_REVOCATION_REASON.toLocaleString("en-US")} characters`),
});

/** What the documents tab's action reads. */
export const DocumentActionSchema = z.discriminatedUnion("intent", [GenerateDocumentSchema, SignDocumentSchema, RevokeDocumentSchema], { error: UNKNOWN_BUTTON });
export type DocumentAction = z.output<typeof DocumentActionSchema>;

export const BAD_CODE = "A verification code has 16 letters and digits, in four groups of four (K7QM-2XPA-D4TR-W6NB). Check it against the document.";

/** The code a person types at /verify (any case, dashes and spaces optional); the module reads it with parseVerificationCode. */
export const VerifyCodeSchema = z.object({
  code: z
    .string({ error: "Type the verification code printed at the foot of the document" })
    .trim()
    .min(1, "Type the verification code printed at the foot of the document")
    .max(64, BAD_CODE),
});
