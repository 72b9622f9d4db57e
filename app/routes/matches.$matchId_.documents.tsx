import type { SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { Documents } from "~/components/documents/documents";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { MentorshipPage } from "~/components/mentorship/mentorship-header";
import { parseForm } from "~/forms/gate";
import { readForm } from "~/forms/read.server";
import { generateDocument, getDocumentsPage, revokeDocument, signDocument, type RevokeDocumentResult, type SignDocumentResult } from "~/modules/documents/documents.server";
import { DocumentActionSchema } from "~/modules/documents/schemas";
import { headerOf, requireMentorship } from "~/modules/mentorship/route.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Documents · ${data.header.slotTitle} · Steppingstone` : "Documents · Steppingstone" }];

const NOTICES = {
  generated: "Generated. The slot's mentors are emailed to review and sign it; it is issued once one of them signs.",
  regenerated: "Generated again from the internship as it is today. It still waits for a mentor's signature.",
  signed: "Signed and issued. The student is emailed; the PDF now carries its verification code.",
  revoked: "Revoked. Its code now reads as revoked to anyone who checks it, its PDF is no longer served, and the student is emailed your reason.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { mentorship } = await requireMentorship(request, params);
  return { header: headerOf(mentorship), side: mentorship.side, page: await getDocumentsPage(getDb(), mentorship) };
}

/** Which form a reply belongs to ("generate-<kind>", "sign-<documentId>" or "revoke-<documentId>"), so only that form shows its errors. */
export type DocumentsReply = { form: string; result: SubmissionResult<string[]> };

function formOf(formData: FormData): string {
  const intent = formData.get("intent");
  if (intent === "sign" || intent === "revoke") return `${intent}-${String(formData.get("documentId") ?? "")}`;
  return `generate-${String(formData.get("kind") ?? "")}`;
}

const GENERATE_NOT_ALLOWED = "The student generates documents: a verification letter once the internship is under way, a certificate once it is completed.";
const SIGN_REFUSALS: Record<Exclude<SignDocumentResult, { ok: true }>["error"], { status: number; message: string } | null> = {
  not_found: null,
  not_allowed: { status: 403, message: "Only the slot's mentors sign its documents, since they supervise the internship; other mentors of the organization and admins read them." },
  already_issued: { status: 409, message: "This document is already signed and issued. The page below is up to date." },
  changed: { status: 409, message: "The student generated this document again since you opened it. Read the new text below, then sign." },
  unreadable: { status: 409, message: "This document cannot be read any more. Ask the student to generate it again." },
};

const REVOKE_REFUSALS: Record<Exclude<RevokeDocumentResult, { ok: true }>["error"], { status: number; message: string } | null> = {
  not_found: null,
  not_allowed: { status: 403, message: "Only the slot's mentors, who certify what it says, and admins revoke a document." },
  not_issued: { status: 409, message: "This document is not issued yet, so there is nothing to revoke. The page below is up to date." },
  already_revoked: { status: 409, message: "This document is already revoked — perhaps someone else did it a moment ago. The page below is up to date." },
};

export async function action({ request, params }: ActionFunctionArgs) {
  const { user, mentorship } = await requireMentorship(request, params);
  const formData = await readForm(request);
  const form = formOf(formData);
  const submission = parseForm(formData, { schema: DocumentActionSchema });
  const reply = (result: SubmissionResult<string[]>, status: number) => data<DocumentsReply>({ form, result }, { status });
  if (submission.status !== "success") return reply(submission.reply(), 400);
  const value = submission.value;
  const viewer = { id: user.id, role: user.role };
  const db = getDb();
  if (value.intent === "generate") {
    const result = await generateDocument(db, { viewer, matchId: mentorship.match.id, kind: value.kind });
    if (!result.ok) {
      if (result.error === "not_found") throw notFound();
      return reply(submission.reply({ formErrors: [GENERATE_NOT_ALLOWED] }), 403);
    }
    return redirect(`/matches/${mentorship.match.id}/documents?notice=${result.regenerated ? "regenerated" : "generated"}#document-${result.documentId}`);
  }
  if (value.intent === "revoke") {
    const result = await revokeDocument(db, { viewer, matchId: mentorship.match.id, documentId: value.documentId, reason: value.reason });
    if (!result.ok) {
      const refusal = REVOKE_REFUSALS[result.error];
      if (!refusal) throw notFound();
      return reply(submission.reply({ formErrors: [refusal.message] }), refusal.status);
    }
    return redirect(`/matches/${mentorship.match.id}/documents?notice=revoked#document-${value.documentId}`);
  }
  const { documentId, intent: _intent, ...input } = value;
  const result = await signDocument(db, { viewer, matchId: mentorship.match.id, documentId, input });
  if (!result.ok) {
    const refusal = SIGN_REFUSALS[result.error];
    if (!refusal) throw notFound();
    // why: a regenerated text must be read again, so the form comes back with the new text, not what was typed over the old.
    return reply(submission.reply({ formErrors: [refusal.message], resetForm: result.error === "changed" }), refusal.status);
  }
  return redirect(`/matches/${mentorship.match.id}/documents?notice=signed#document-${documentId}`);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function DocumentsRoute() {
  const { header, side, page } = useLoaderData<typeof loader>();
  const lastReply = useActionData<typeof action>() as DocumentsReply | undefined;
  return (
    <MentorshipPage header={header} notices={NOTICES} showingErrors={Boolean(lastReply)}>
      <Documents page={page} side={side} studentName={header.studentName} lastReply={lastReply} />
    </MentorshipPage>
  );
}
