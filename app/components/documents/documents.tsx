import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { CheckboxField, CHECK_ON_SUBMIT, Field, FormErrors, TextareaField } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { Section } from "~/components/matches/match-page";
import { Alert, Button } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { DOCUMENT_KINDS } from "~/domain/vocabulary";
import { parseForm } from "~/forms/gate";
import { compensationLine, datesLine, dutyLines, MAX_DUTIES_LENGTH, organizationAddressLine, type DocumentKind } from "~/modules/documents/content";
import type { DocumentsPage, DocumentView } from "~/modules/documents/documents.server";
import { DOCUMENT_KIND_HINTS, DOCUMENT_KIND_LABELS } from "~/modules/documents/labels";
import { DocumentActionSchema, MAX_REVOCATION_REASON, MAX_SIGNER_LENGTH } from "~/modules/documents/schemas";
import type { MentorshipSide } from "~/modules/mentorship/access.server";
import { OPT_WEEKLY_FLOOR_HOURS } from "~/modules/mentorship/hours";

// The documents tab of a match (/matches/:matchId/documents): the student generates a verification
// letter or a certificate of completion; a mentor of the slot reads the generated text, corrects
// the duties and signs; then it is issued, with its PDF and verification code. Admins read.

type Reply = { form: string; result: SubmissionResult<string[]> } | undefined;

export function Documents({
  page,
  side,
  studentName,
  lastReply,
}: {
  page: DocumentsPage;
  side: MentorshipSide;
  studentName: string;
  lastReply: Reply;
}) {
  const waiting = new Set(page.documents.filter((d) => d.state === "awaiting_signature").map((d) => d.kind));
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
      <div className="space-y-6">
        {page.unprintableInName.length ? (
          <Alert tone="warning" title="Some letters of the name cannot be printed yet">
            {side === "student" ? "Your name" : `${studentName}'s name`} as the account gives it has characters our PDFs cannot print yet (
            {page.unprintableInName.join(" ")}): they would come out blank. Schools and employers usually need the name as it is on the passport in
            Latin letters{side === "student" ? ": change the name on your account to that spelling before you generate a document." : "."}
          </Alert>
        ) : null}
        {side === "student" ? (
          <Section title="Ask for a document">
            <ul className="space-y-4">
              {DOCUMENT_KINDS.map((kind) => (
                <li key={kind}>
                  <GenerateForm kind={kind} allowed={page.mayGenerate[kind]} waiting={waiting.has(kind)} lastReply={lastReply} />
                </li>
              ))}
            </ul>
          </Section>
        ) : null}

        {page.documents.length === 0 ? (
          <Section title="Documents">
            <p className="text-sm text-slate-600">
              {side === "student"
                ? "None yet. Generate one above: a mentor of the slot reviews and signs it, and then it is yours to download."
                : `None yet. When ${studentName} generates a verification letter or a certificate, it shows here for a mentor to review and sign.`}
            </p>
          </Section>
        ) : (
          page.documents.map((document) => (
            <DocumentCard
              key={document.id}
              document={document}
              side={side}
              maySign={page.maySign}
              mayRevoke={page.mayRevoke}
              signers={page.signers}
              viewerName={page.viewerName}
              lastReply={lastReply}
            />
          ))
        )}
      </div>

      <aside className="space-y-6">
        <Section title="How it works">
          <ol className="list-decimal space-y-2 pl-5 text-sm text-slate-700">
            <li>The student generates the document from the internship's dates, check-ins and plan.</li>
            <li>{capitalized(signersPhrase(page.signers))} reads it, corrects the duties if needed, and signs with their full name and title.</li>
            <li>Only then is it issued: its PDF carries a verification code and an address where anyone can check it is authentic.</li>
          </ol>
          <p className="mt-3 text-xs text-slate-500">
            The check says only whose document it is, from which organization, what kind and when it was issued — never the hours or the text.
          </p>
        </Section>
        {side === "student" ? (
          <Section title="Hours and work authorization">
            <p className="text-sm text-slate-700">
              The letter states your hours exactly as your weekly check-ins recorded them: the total, the average over the weeks with a check-in, how
              many weeks that is, and which weeks have none. For post-completion OPT, unpaid work counts only at {OPT_WEEKLY_FLOOR_HOURS} hours a week or
              more. Confirm what your school's international office needs before you send it.
            </p>
          </Section>
        ) : null}
      </aside>
    </div>
  );
}

const GENERATE_LABELS: Record<DocumentKind, string> = { experience_verification: "Generate the letter", completion_certificate: "Generate the certificate" };

function GenerateForm({ kind, allowed, waiting, lastReply }: { kind: DocumentKind; allowed: boolean; waiting: boolean; lastReply: Reply }) {
  const id = `generate-${kind}`;
  const [form] = useForm({
    id,
    lastResult: lastReply?.form === id ? lastReply.result : undefined,
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: DocumentActionSchema }),
  });
  const pending = useIsPending({ fields: { intent: "generate", kind } });
  return (
    <Form method="post" {...getFormProps(form)} aria-label={DOCUMENT_KIND_LABELS[kind]} className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
      <input type="hidden" name="intent" value="generate" />
      <input type="hidden" name="kind" value={kind} />
      <div className="max-w-prose">
        <p className="font-medium text-slate-900">{DOCUMENT_KIND_LABELS[kind]}</p>
        <p className="text-sm text-slate-600">{DOCUMENT_KIND_HINTS[kind]}</p>
        {!allowed ? (
          <p className="mt-1 text-sm text-slate-500">
            {kind === "completion_certificate" ? "Available once the internship is marked completed." : "Available once the internship has started."}
          </p>
        ) : null}
        <div className="mt-2">
          <FormErrors id={form.errorId} errors={form.errors} />
        </div>
      </div>
      <Button type="submit" variant={waiting ? "secondary" : "primary"} disabled={!allowed || pending} className="shrink-0">
        {waiting ? "Generate again" : GENERATE_LABELS[kind]}
      </Button>
    </Form>
  );
}

function DocumentCard({
  document,
  side,
  maySign,
  mayRevoke,
  signers,
  viewerName,
  lastReply,
}: {
  document: DocumentView;
  side: MentorshipSide;
  maySign: boolean;
  mayRevoke: boolean;
  signers: string[];
  viewerName: string;
  lastReply: Reply;
}) {
  const { content } = document;
  const issued = document.state === "issued";
  const { revoked } = document;
  return (
    <section id={`document-${document.id}`} aria-labelledby={`document-${document.id}-title`} className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h2 id={`document-${document.id}-title`} className="text-lg font-semibold text-slate-900">
            {DOCUMENT_KIND_LABELS[document.kind]}
          </h2>
          <p className="text-sm text-slate-500">
            Generated {formatDateTime(document.revision)}
            {document.requestedByName ? ` by ${document.requestedByName}` : ""}
          </p>
        </div>
        <span
          className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${revoked ? "bg-red-50 text-red-800 ring-red-200" : issued ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-amber-50 text-amber-900 ring-amber-200"}`}
        >
          {revoked ? "Revoked" : issued ? "Issued" : "Waiting for a mentor's signature"}
        </span>
      </div>

      {issued && document.signer && document.verification ? (
        <div className="mt-4 rounded-lg bg-slate-50 p-4 text-sm ring-1 ring-slate-200">
          <p className="text-slate-800">
            Signed by <span className="font-medium">{document.signer.name}</span>, {document.signer.title}, {formatDateTime(document.signer.signedAt)}.
          </p>
          <p className="mt-1 text-slate-800">
            Verification code <span className="font-mono font-semibold tracking-wide">{document.verification.code}</span> — checked at{" "}
            <a href={document.verification.url} className="break-all font-medium text-brand-700 hover:underline">
              {document.verification.url}
            </a>
          </p>
          {revoked ? (
            <div className="mt-3 rounded-md bg-red-50 p-3 text-red-900 ring-1 ring-red-200">
              <p className="font-medium">
                Revoked {formatDateTime(revoked.at)}
                {revoked.byName ? ` by ${revoked.byName}` : ""}. Anyone who checks its code is told it was revoked, and its PDF is no longer served.
              </p>
              <p className="mt-1">Why: {revoked.reason}</p>
            </div>
          ) : (
            <p className="mt-3">
              <a href={document.pdfPath} className="font-semibold text-brand-700 hover:underline">
                Download the PDF
              </a>
            </p>
          )}
        </div>
      ) : (
        <p className="mt-3 text-sm">
          <a href={document.pdfPath} className="font-medium text-brand-700 hover:underline">
            Preview the draft (PDF, marked DRAFT, no code)
          </a>
        </p>
      )}

      <dl className="mt-4 divide-y divide-slate-100 text-sm">
        <Fact label="Name">{content.studentName}</Fact>
        <Fact label="Position">{content.role}</Fact>
        <Fact label="Organization">{content.organization.name}</Fact>
        {organizationAddressLine(content.organization) ? <Fact label="Address">{organizationAddressLine(content.organization)}</Fact> : null}
        <Fact label="Dates">{datesLine(content)}</Fact>
        <Fact label="Work arrangement">{content.arrangement}</Fact>
        <Fact label="Compensation">{compensationLine(content)}</Fact>
      </dl>

      {document.hoursLines ? (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-slate-900">Hours worked</h3>
          <div className="mt-1 space-y-1 text-sm text-slate-700">
            {document.hoursLines.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </div>
        </div>
      ) : null}

      {!issued && maySign ? (
        <SignForm document={document} viewerName={viewerName} lastReply={lastReply} />
      ) : (
        <div className="mt-4">
          <h3 className="text-sm font-semibold text-slate-900">Duties</h3>
          <ul className="mt-1 list-disc space-y-1 pl-5 text-sm text-slate-700">
            {dutyLines(content.duties).map((duty, i) => (
              <li key={i}>{duty}</li>
            ))}
          </ul>
          {!issued ? <p className="mt-3 text-sm text-slate-500">{whoSigns(side, signers)}</p> : null}
        </div>
      )}

      {issued && !revoked && mayRevoke ? <RevokeForm document={document} lastReply={lastReply} /> : null}
    </section>
  );
}

/** Who signs, mid-sentence: "Priya Raman, the slot's mentor," or "one of the slot's mentors (Priya Raman or Sam Lee)". */
function signersPhrase(signers: readonly string[]) {
  if (signers.length === 0) return "a mentor of the slot";
  if (signers.length === 1) return `${signers[0]}, the slot's mentor,`;
  return `one of the slot's mentors (${signers.slice(0, -1).join(", ")} or ${signers.at(-1)})`;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Who signs a document waiting for a signature, said to a reader who cannot sign it. */
function whoSigns(side: MentorshipSide, signers: string[]) {
  const who = signersPhrase(signers);
  if (side === "student") return `${capitalized(who)} reads this, may correct the duties, and signs it.`;
  if (side === "admin") return `${capitalized(who)} signs it; admins read.`;
  return `Only ${who} signs it: the slot's mentors supervise the internship and certify what it says. You can read it.`;
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_minmax(0,1fr)] gap-3 py-1.5">
      <dt className="text-slate-500">{label}</dt>
      <dd className="text-slate-900">{children}</dd>
    </div>
  );
}

function RevokeForm({ document, lastReply }: { document: DocumentView; lastReply: Reply }) {
  const id = `revoke-${document.id}`;
  const lastResult = lastReply?.form === id ? lastReply.result : undefined;
  const [form, fields] = useForm({ id, lastResult, ...CHECK_ON_SUBMIT, onValidate: ({ formData }) => parseForm(formData, { schema: DocumentActionSchema }) });
  const pending = useIsPending({ fields: { intent: "revoke", documentId: document.id } });
  return (
    <details open={Boolean(lastResult)} className="mt-5 border-t border-slate-200 pt-4">
      <summary className="cursor-pointer text-sm font-semibold text-red-700 hover:underline">Revoke this document…</summary>
      <Form method="post" {...getFormProps(form)} aria-label="Revoke this document" className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="revoke" />
        <input type="hidden" name="documentId" value={document.id} />
        <p className="text-sm text-slate-600">
          For a document that is wrong or was issued in error. Its code will read as revoked to anyone who checks it, and its PDF will no longer be served. This
          cannot be undone; the student can generate a new one for a mentor to sign.
        </p>
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField field={fields.reason} label="Why it is revoked" hint="The student is emailed this. The verification page says only that it was revoked, and when." rows={3} maxLength={MAX_REVOCATION_REASON} />
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Revoking…" : "Revoke the document"}
        </Button>
      </Form>
    </details>
  );
}

function SignForm({ document, viewerName, lastReply }: { document: DocumentView; viewerName: string; lastReply: Reply }) {
  const id = `sign-${document.id}`;
  const [form, fields] = useForm({
    id,
    lastResult: lastReply?.form === id ? lastReply.result : undefined,
    defaultValue: { duties: document.content.duties, signerName: viewerName, signerTitle: "" },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: DocumentActionSchema }),
  });
  const pending = useIsPending({ fields: { intent: "sign", documentId: document.id } });
  return (
    <Form method="post" {...getFormProps(form)} aria-label="Review and sign" className="mt-5 space-y-4 border-t border-slate-200 pt-5">
      <input type="hidden" name="intent" value="sign" />
      <input type="hidden" name="documentId" value={document.id} />
      <input type="hidden" name="revision" value={document.revision} />
      <h3 className="text-base font-semibold text-slate-900">Review and sign</h3>
      <FormErrors id={form.errorId} errors={form.errors} />
      <TextareaField
        field={fields.duties}
        label="Duties"
        hint="Drafted from the slot's project, its learning plan and the goals you confirmed. One duty a line; correct anything that is not right."
        rows={7}
        maxLength={MAX_DUTIES_LENGTH}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field field={fields.signerName} label="Your full name" autoComplete="name" maxLength={MAX_SIGNER_LENGTH} />
        <Field field={fields.signerTitle} label="Your title" hint="Printed under your name: “Research engineer”, “CTO”." maxLength={MAX_SIGNER_LENGTH} />
      </div>
      <CheckboxField
        field={fields.confirm}
        label="I confirm that this document is accurate to the best of my knowledge"
        description="Your typed name, title and the time are recorded as your signature. Once signed it is issued and cannot be changed."
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing…" : "Sign and issue"}
      </Button>
    </Form>
  );
}
