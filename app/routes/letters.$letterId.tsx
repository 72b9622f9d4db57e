import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, MaxPartSizeExceededError, redirect, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CHECK_ON_SUBMIT, CheckboxField, ErrorList, Field, FormErrors, TextareaField } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { DeliveryBadge, LetterStateBadge } from "~/components/letters/letter-ui";
import { Alert, Button, ButtonLink, Card } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { entryFor, parseForm } from "~/forms/gate";
import { readForm, readQuery } from "~/forms/read.server";
import { sendLetter } from "~/modules/letters/deliveries.server";
import {
  actOnLetter,
  getLetterPage,
  MIN_READY_BODY,
  uploadLetterPdf,
  withdrawLetterRequest,
  type LetterPage,
  type UploadProblem,
  type WriterResult,
} from "~/modules/letters/letters.server";
import { DELIVERIES_PER_DAY, DELIVERY_LINK_DAYS, letterPath, MAX_PDF_BYTES } from "~/modules/letters/rules";
import {
  MAX_BODY,
  MAX_DELIVERY_MESSAGE,
  MAX_REASON,
  MAX_RECIPIENT_NAME,
  MAX_TITLE,
  SendLetterSchema,
  UploadSchema,
  WithdrawRequestSchema,
  WriterActionSchema,
} from "~/modules/letters/schemas";
import { formatDay, plural } from "~/modules/slots/format";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Letter for ${data.page.letter.studentName} · Steppingstone` : "Recommendation letter · Steppingstone" },
];

const NOTICES = {
  requested: "Request sent. Your mentor has an email; you will get one when the letter is ready or if they cannot write it.",
  started: "You started the letter. Write it below or upload a PDF; drafts are saved only when you press “Save draft”.",
  saved: "Draft saved. The student does not see drafts.",
  uploaded: "PDF uploaded. Check it with “Preview”, then mark it ready.",
  ready: "The letter is ready. The student has been told (without its text) and can now send it.",
  declined: "You declined. The student has been told your reason.",
  revoked: "The letter is revoked: every link to it stopped working, and the student has been told.",
  sent: "Sent. The recipient has an email with a link of their own; you will see here when they open it.",
} as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await getLetterPage(getDb(), { id: user.id, role: user.role }, params.letterId ?? "");
  if (!page) throw notFound();
  const query = readQuery(request).params;
  const notice = entryFor(NOTICES, query.get("notice"));
  // "Send again" from a link that expired: the send form starts with that recipient filled in.
  const sendAgain = (page.may.send && page.deliveries.find((d) => d.id === query.get("again") && d.state === "expired")) || null;
  return { page, notice, sendAgain };
}

/** Which form a reply belongs to, so only that form shows its errors. */
type FormKey = "start" | "write" | "upload" | "ready_upload" | "decline" | "revoke" | "send" | "withdraw";
export type LetterReply = { form: FormKey; result: SubmissionResult<string[]> };

function formOf(intent: FormDataEntryValue | null): FormKey {
  if (intent === "save" || intent === "ready") return "write";
  const known: FormKey[] = ["start", "upload", "ready_upload", "decline", "revoke", "send", "withdraw"];
  return known.find((k) => k === intent) ?? "write";
}

const WRITER_REFUSALS: Record<Exclude<WriterResult, { ok: true }>["error"] | UploadProblem, { status: number; field?: string; message: string }> = {
  not_found: { status: 404, message: "Not found" },
  admins_read: { status: 403, message: "Admins read letters; only the mentor asked writes or changes one." },
  not_writer: { status: 403, message: "Only the mentor asked writes or changes this letter." },
  not_open: { status: 409, message: "This letter is no longer being written (it is ready or declined), so nothing was changed. The page below is up to date." },
  not_ready: { status: 409, message: "Only a ready letter can be revoked, once. The page below is up to date." },
  too_short: {
    status: 400,
    field: "body",
    message: `A letter needs a few sentences before it is ready (at least ${MIN_READY_BODY} characters). Save it as a draft and finish it later.`,
  },
  no_pdf: { status: 409, message: "Upload the PDF first, then mark it ready." },
  empty: { status: 400, field: "pdf", message: "Choose the PDF of your letter." },
  too_large: { status: 400, field: "pdf", message: `This file is larger than ${MAX_PDF_BYTES / 1024 / 1024} MB. Save it smaller (for example “Reduce file size” in your PDF viewer) and upload it again.` },
  not_pdf: { status: 400, field: "pdf", message: "This file is not a PDF. Export or print your letter as a PDF, then upload that file." },
  unreadable: { status: 400, field: "pdf", message: "This PDF could not be read: it may be damaged. Export it again from your word processor and upload the new file." },
  encrypted: { status: 400, field: "pdf", message: "This PDF is password-protected, so we cannot add its verification line. Save a copy without a password and upload that." },
  unstampable: {
    status: 400,
    field: "pdf",
    message: "This PDF opens, but we could not add its verification line to its pages. Print it to a new PDF (Print, then “Save as PDF”) and upload that file.",
  },
};

const WITHDRAW_REFUSALS = {
  not_found: { status: 404, message: "Not found" },
  not_student: { status: 403, message: "Only the student who asked withdraws a request." },
  not_open: { status: 409, message: "This letter is no longer a request (it is ready or declined), so it cannot be withdrawn. The page below is up to date." },
} as const;

const SEND_REFUSALS = {
  not_found: { status: 404, message: "Not found" },
  not_student: { status: 403, message: "Only the student the letter is for sends it." },
  not_ready: { status: 409, message: "This letter cannot be sent: it is not ready, or its writer revoked it. The page below is up to date." },
  own_address: { status: 400, field: "recipientEmail", message: "That is your own address. Send the letter to the school or employer directly." },
  daily_limit: { status: 429, message: `You have sent ${DELIVERIES_PER_DAY} letters in the last 24 hours, the most we send in a day. Send the rest tomorrow.` },
} as const;

async function readLetterForm(request: Request): Promise<{ formData: FormData; tooLarge: boolean }> {
  if (!/^\s*multipart\/form-data/i.test(request.headers.get("Content-Type") ?? "")) return { formData: await readForm(request), tooLarge: false };
  try {
    const handler = unstable_createMemoryUploadHandler({ maxPartSize: MAX_PDF_BYTES });
    return { formData: await unstable_parseMultipartFormData(request, handler), tooLarge: false };
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { formData: new FormData(), tooLarge: true };
    throw new Response("This form could not be read. Reload the page and send it again.", { status: 400 });
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const viewer = { id: user.id, role: user.role };
  const letterId = params.letterId ?? "";
  const db = getDb();
  const { formData, tooLarge } = await readLetterForm(request);
  const reply = (form: FormKey, result: SubmissionResult<string[]>, status: number) => data<LetterReply>({ form, result }, { status });
  const done = (notice: keyof typeof NOTICES) => redirect(`${letterPath(letterId)}?notice=${notice}`);
  const refuse = (form: FormKey, submission: { reply: (o?: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => SubmissionResult<string[]> }, refusal: { status: number; field?: string; message: string }) => {
    if (refusal.status === 404) throw notFound();
    return reply(form, submission.reply(refusal.field ? { fieldErrors: { [refusal.field]: [refusal.message] } } : { formErrors: [refusal.message] }), refusal.status);
  };

  if (tooLarge) {
    const submission = parseForm(new FormData(), { schema: UploadSchema });
    return refuse("upload", submission, WRITER_REFUSALS.too_large);
  }
  const form = formOf(formData.get("intent"));

  if (form === "withdraw") {
    const submission = parseForm(formData, { schema: WithdrawRequestSchema });
    if (submission.status !== "success") return reply(form, submission.reply(), 400);
    const result = await withdrawLetterRequest(db, { viewer, letterId });
    return result.ok ? redirect("/letters?notice=withdrawn") : refuse(form, submission, WITHDRAW_REFUSALS[result.error]);
  }

  if (form === "send") {
    const submission = parseForm(formData, { schema: SendLetterSchema });
    if (submission.status !== "success") return reply(form, submission.reply(), 400);
    const result = await sendLetter(db, { viewer, letterId, input: submission.value });
    return result.ok ? done("sent") : refuse(form, submission, SEND_REFUSALS[result.error]);
  }

  if (form === "upload") {
    const file = formData.get("pdf");
    formData.delete("pdf");
    const submission = parseForm(formData, { schema: UploadSchema });
    if (submission.status !== "success") return reply(form, submission.reply(), 400);
    const bytes = file && typeof file !== "string" ? new Uint8Array(await file.arrayBuffer()) : new Uint8Array();
    const fileName = file && typeof file !== "string" ? file.name : "";
    const result = await uploadLetterPdf(db, { viewer, letterId, bytes, fileName, writerTitle: submission.value.writerTitle });
    return result.ok ? done(result.notice) : refuse(form, submission, WRITER_REFUSALS[result.error]);
  }

  const submission = parseForm(formData, { schema: WriterActionSchema });
  if (submission.status !== "success") return reply(form, submission.reply(), 400);
  const result = await actOnLetter(db, { viewer, letterId, action: submission.value });
  return result.ok ? done(result.notice) : refuse(form, submission, WRITER_REFUSALS[result.error]);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function LetterRoute() {
  const { page, notice, sendAgain } = useLoaderData<typeof loader>();
  const lastReply = useActionData<typeof action>() as LetterReply | undefined;
  const { letter, side } = page;
  const title = side === "student" ? `Your letter from ${letter.mentorName}` : `Recommendation letter for ${letter.studentName}`;
  return (
    <div>
      <p className="mb-2 text-sm">
        <Link to="/letters" className="font-semibold text-brand-700 hover:underline">
          ← All letters
        </Link>
      </p>
      <div className="mb-6 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{title}</h1>
          <p className="mt-2 text-slate-600">
            {letter.purpose} · {letter.slotTitle} at {letter.organizationName}
          </p>
        </div>
        <LetterStateBadge state={letter.state} revoked={Boolean(letter.revokedAt)} side={side} />
      </div>
      {notice && !lastReply ? (
        <div className="mb-6">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      <div className="grid gap-8 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          {side === "student" ? <StudentView page={page} sendAgain={sendAgain} lastReply={lastReply} /> : side === "writer" ? <WriterView page={page} lastReply={lastReply} /> : <AdminView page={page} />}
        </div>
        <aside>
          <AboutRequest page={page} />
        </aside>
      </div>
    </div>
  );
}

function AboutRequest({ page }: { page: LetterPage }) {
  const { letter, side } = page;
  return (
    <Card className="!p-5 sm:!p-6">
      <h2 className="text-base font-semibold text-slate-900">The request</h2>
      <dl className="mt-3 space-y-3 text-sm">
        <div>
          <dt className="text-slate-500">{side === "student" ? "Asked of" : "Asked by"}</dt>
          <dd className="text-slate-900">{side === "student" ? letter.mentorName : letter.studentName}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Internship</dt>
          <dd className="text-slate-900">
            {letter.slotTitle}, {letter.organizationName}
            {letter.internshipDates ? <span className="block text-slate-600">{letter.internshipDates}</span> : null}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">For</dt>
          <dd className="text-slate-900">{letter.purpose}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Needed by</dt>
          <dd className="text-slate-900">{formatDay(letter.dueDate)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Right to read it</dt>
          <dd className="text-slate-900">
            {letter.waived ? (side === "student" ? "You waived it: the letter is confidential" : `${letter.studentFirstName} waived it: confidential`) : side === "student" ? "You kept it" : `${letter.studentFirstName} kept it, and reads the letter once it is ready`}
          </dd>
        </div>
        {letter.requestNote ? (
          <div>
            <dt className="text-slate-500">{side === "student" ? "Your note" : "Their note"}</dt>
            <dd className="whitespace-pre-line text-slate-900">{letter.requestNote}</dd>
          </div>
        ) : null}
        <div>
          <dt className="text-slate-500">Asked on</dt>
          <dd className="text-slate-900">{formatDateTime(letter.createdAt)}</dd>
        </div>
        {letter.verificationCode && side !== "student" ? (
          <div>
            <dt className="text-slate-500">Verification code</dt>
            <dd className="font-mono text-slate-900">{letter.verificationCode}</dd>
          </div>
        ) : null}
      </dl>
    </Card>
  );
}

function Paragraphs({ text }: { text: string }) {
  return (
    <div className="space-y-3 text-slate-800">
      {text
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter(Boolean)
        .map((p, i) => (
          <p key={i} className="whitespace-pre-line">
            {p}
          </p>
        ))}
    </div>
  );
}

// ——— The student ———

type SendAgain = LetterPage["deliveries"][number] | null;

function StudentView({ page, sendAgain, lastReply }: { page: LetterPage; sendAgain: SendAgain; lastReply?: LetterReply }) {
  const { letter, content, deliveries, may } = page;
  return (
    <>
      {letter.state === "requested" ? (
        <Alert tone="info" title={`Waiting for ${letter.mentorName}`}>
          They have your request by email. You will get an email when the letter is ready, or if they cannot write it. They are reminded a week and a day before{" "}
          {formatDay(letter.dueDate)}.
        </Alert>
      ) : letter.state === "writing" ? (
        <Alert tone="info" title={`${letter.mentorName} is writing your letter`}>
          You will get an email when it is ready to send.
        </Alert>
      ) : letter.state === "declined" ? (
        <Alert tone="warning" title={`${letter.mentorName} cannot write this letter`}>
          <p className="whitespace-pre-line">{letter.declineReason}</p>
          <p className="mt-2">
            If your internship had another mentor, you can{" "}
            <Link to={`/letters?match=${letter.matchId}`} className="font-semibold underline">
              ask them instead
            </Link>
            .
          </p>
        </Alert>
      ) : letter.revokedAt ? (
        <Alert tone="error" title="This letter was revoked">
          {letter.mentorName} revoked this letter on {formatDateTime(letter.revokedAt)}, so the links you sent no longer open it, and it cannot be sent again.
        </Alert>
      ) : null}

      {letter.state === "ready" && !letter.revokedAt ? (
        letter.waived ? (
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Confidential</h2>
            <p className="mt-2 text-slate-700">
              You waived your right to read this letter, so its text is not shown to you anywhere. Each recipient you send it to gets it directly, and below you
              see whether they opened it.
            </p>
          </Card>
        ) : content ? (
          <Card>
            <div className="flex flex-wrap items-center justify-between gap-3">
              <h2 className="text-lg font-semibold text-slate-900">Your letter</h2>
              <a href={`${letterPath(letter.id)}/pdf`} className="text-sm font-semibold text-brand-700 hover:underline">
                Open the PDF
              </a>
            </div>
            <div className="mt-4">{content.body ? <Paragraphs text={content.body} /> : <p className="text-slate-700">Your mentor uploaded it as a PDF.</p>}</div>
          </Card>
        ) : null
      ) : null}

      {/* why: keyed by the deliveries, so a sent form starts empty and is not sent twice by mistake. */}
      {may.send ? (
        <SendForm key={`${deliveries.length}-${sendAgain?.id ?? ""}`} sendAgain={sendAgain} lastReply={lastReply?.form === "send" ? lastReply : undefined} />
      ) : null}
      {letter.state === "ready" ? <DeliveryList deliveries={deliveries} sendAgainHref={may.send ? (id) => `?again=${id}#send-it` : undefined} /> : null}
      {may.withdraw ? <WithdrawForm mentorName={letter.mentorName} lastReply={lastReply?.form === "withdraw" ? lastReply : undefined} /> : null}
    </>
  );
}

function WithdrawForm({ mentorName, lastReply }: { mentorName: string; lastReply?: LetterReply }) {
  const [form, fields] = useForm({
    id: "withdraw",
    lastResult: lastReply?.result,
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: WithdrawRequestSchema }),
  });
  return (
    <details className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" open={Boolean(lastReply)}>
      <summary className="cursor-pointer font-semibold text-slate-900">Asked by mistake? Withdraw the request</summary>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="withdraw" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <p className="text-sm text-slate-700">
          {mentorName} is told by email that they need not write it, and the request is deleted, with anything they had written for it. You can ask again later.
        </p>
        <CheckboxField field={fields.confirm} label="I want to withdraw this request" />
        <Button type="submit" variant="danger">
          Withdraw the request
        </Button>
      </Form>
    </details>
  );
}

function SendForm({ sendAgain, lastReply }: { sendAgain: SendAgain; lastReply?: LetterReply }) {
  const [form, fields] = useForm({
    id: "send",
    lastResult: lastReply?.result,
    defaultValue: sendAgain ? { recipientName: sendAgain.recipientName, recipientEmail: sendAgain.recipientEmail } : undefined,
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: SendLetterSchema }),
  });
  const pending = useIsPending({ fields: { intent: "send" } });
  return (
    <Card>
      <h2 id="send-it" className="text-lg font-semibold text-slate-900">
        Send it
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        The recipient gets an email with a link of their own. It needs no account, works for {DELIVERY_LINK_DAYS} days, and you see here when they open it.
        Send it to each school or employer separately.
      </p>
      {sendAgain ? (
        <p className="mt-2 text-sm text-slate-700">
          Filled in from the link to {sendAgain.recipientName} that expired. Sent again, they get a new link that works for {DELIVERY_LINK_DAYS} days.
        </p>
      ) : null}
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="send" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <div className="grid gap-4 sm:grid-cols-2">
          <Field field={fields.recipientName} label="Recipient's name (a person or an office)" maxLength={MAX_RECIPIENT_NAME} />
          <Field field={fields.recipientEmail} type="email" label="Recipient's email" maxLength={254} />
        </div>
        <TextareaField field={fields.message} label="Message (optional)" hint="Shown above the link: your application number, the program." rows={3} maxLength={MAX_DELIVERY_MESSAGE} />
        <Button type="submit" disabled={pending}>
          Send the letter
        </Button>
      </Form>
    </Card>
  );
}

function DeliveryList({ deliveries, sendAgainHref }: { deliveries: LetterPage["deliveries"]; sendAgainHref?: (deliveryId: string) => string }) {
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Where it went</h2>
      {deliveries.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">Not sent to anyone yet.</p>
      ) : (
        <ul className="mt-3 divide-y divide-slate-100" aria-label="Recipients">
          {deliveries.map((d) => (
            <li key={d.id} className="flex flex-wrap items-start justify-between gap-2 py-3" aria-label={d.recipientName}>
              <div>
                <p className="font-medium text-slate-900">{d.recipientName}</p>
                <p className="text-sm text-slate-600">{d.recipientEmail}</p>
                <p className="text-xs text-slate-500">
                  Sent {formatDateTime(d.sentAt)}
                  {d.firstViewedAt ? ` · first opened ${formatDateTime(d.firstViewedAt)}, ${plural(d.viewCount, "view")}` : ""}
                  {d.state === "sent" || d.state === "opened" ? ` · link works until ${formatDateTime(d.expiresAt)}` : ""}
                </p>
              </div>
              <div className="flex flex-col items-end gap-1.5">
                <DeliveryBadge state={d.state} />
                {d.state === "expired" && sendAgainHref ? (
                  <Link to={sendAgainHref(d.id)} className="text-sm font-medium text-brand-700 hover:underline" aria-label={`Send again to ${d.recipientName}`}>
                    Send again
                  </Link>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

// ——— The writer ———

function WriterView({ page, lastReply }: { page: LetterPage; lastReply?: LetterReply }) {
  const { letter, content, may } = page;
  const replyFor = (form: FormKey) => (lastReply?.form === form ? lastReply : undefined);
  if (letter.state === "requested") {
    return (
      <>
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Will you write it?</h2>
          <p className="mt-2 text-slate-700">
            {letter.studentName} needs it by {formatDay(letter.dueDate)}. Write it here — we print your organization's name, your title and the internship's
            dates as a letterhead — or upload your own PDF. {letter.studentFirstName} is told only when you mark it ready.
          </p>
          <SimpleForm intent="start" lastReply={replyFor("start")} className="mt-4">
            <Button type="submit">Start writing</Button>
          </SimpleForm>
        </Card>
        <DeclineForm studentFirstName={letter.studentFirstName} lastReply={replyFor("decline")} />
      </>
    );
  }
  if (letter.state === "writing") {
    return (
      <>
        <WriteForm page={page} lastReply={replyFor("write")} />
        <UploadForm page={page} lastReply={replyFor("upload")} readyReply={replyFor("ready_upload")} />
        {may.decline ? <DeclineForm studentFirstName={letter.studentFirstName} lastReply={replyFor("decline")} /> : null}
      </>
    );
  }
  if (letter.state === "declined") {
    return (
      <Alert tone="info" title="You declined this letter">
        <p className="whitespace-pre-line">{letter.declineReason}</p>
      </Alert>
    );
  }
  return (
    <>
      {letter.revokedAt ? (
        <Alert tone="error" title="Revoked">
          You revoked this letter on {formatDateTime(letter.revokedAt)}: its links no longer open it.
        </Alert>
      ) : (
        <Alert tone="success" title="Ready">
          Marked ready on {letter.readyAt ? formatDateTime(letter.readyAt) : ""}.{" "}
          {page.deliveryCount ? `${letter.studentFirstName} has sent it to ${plural(page.deliveryCount, "recipient")}.` : `${letter.studentFirstName} has not sent it yet.`}
        </Alert>
      )}
      <Card>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 className="text-lg font-semibold text-slate-900">Your letter</h2>
          <a href={`${letterPath(letter.id)}/pdf`} className="text-sm font-semibold text-brand-700 hover:underline">
            {letter.revokedAt ? "Open the PDF (recipients can no longer)" : "Open the PDF recipients see"}
          </a>
        </div>
        <div className="mt-4">{content?.body ? <Paragraphs text={content.body} /> : <p className="text-slate-700">Uploaded as a PDF ({content?.pdfName}).</p>}</div>
      </Card>
      {may.revoke ? <RevokeForm studentFirstName={letter.studentFirstName} lastReply={replyFor("revoke")} /> : null}
    </>
  );
}

function SimpleForm({ intent, lastReply, className, children }: { intent: string; lastReply?: LetterReply; className?: string; children: React.ReactNode }) {
  const [form] = useForm({ id: intent, lastResult: lastReply?.result });
  return (
    <Form method="post" {...getFormProps(form)} className={className}>
      <input type="hidden" name="intent" value={intent} />
      <FormErrors id={form.errorId} errors={form.errors} />
      {children}
    </Form>
  );
}

function WriteForm({ page, lastReply }: { page: LetterPage; lastReply?: LetterReply }) {
  const { letter, content } = page;
  const [form, fields] = useForm({
    id: "write",
    lastResult: lastReply?.result,
    defaultValue: { writerTitle: letter.writerTitle ?? "", body: content?.body ?? "" },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: WriterActionSchema }),
  });
  const saving = useIsPending({ fields: { intent: "save" } });
  const readying = useIsPending({ fields: { intent: "ready" } });
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Write it here</h2>
      <p className="mt-1 text-sm text-slate-600">
        The letterhead is printed for you: {letter.organizationName}, your name and title, and the internship ({letter.internshipDates ?? letter.slotTitle}). Separate
        paragraphs with a blank line.
      </p>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field field={fields.writerTitle} label="Your title" hint="As it should appear under your name: “Senior engineer”, “Principal investigator”." maxLength={MAX_TITLE} />
        <TextareaField field={fields.body} label="The letter" rows={16} maxLength={MAX_BODY} />
        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" name="intent" value="ready" disabled={saving || readying}>
            Mark ready and tell {letter.studentFirstName}
          </Button>
          <Button type="submit" name="intent" value="save" variant="secondary" disabled={saving || readying}>
            Save draft
          </Button>
          {content?.format === "written" && content.body ? (
            <a href={`${letterPath(letter.id)}/pdf`} className="text-sm font-semibold text-brand-700 hover:underline">
              Preview the saved draft (PDF)
            </a>
          ) : null}
        </div>
        <p className="text-xs text-slate-500">
          Once ready, the letter cannot be edited: {letter.studentFirstName} is emailed (without its text) and sends it to schools and employers.
        </p>
      </Form>
    </Card>
  );
}

function UploadForm({ page, lastReply, readyReply }: { page: LetterPage; lastReply?: LetterReply; readyReply?: LetterReply }) {
  const { letter, content } = page;
  const [form, fields] = useForm({ id: "upload", lastResult: lastReply?.result, defaultValue: { writerTitle: letter.writerTitle ?? "" } });
  const [readyForm] = useForm({ id: "ready_upload", lastResult: readyReply?.result });
  const uploading = useIsPending({ fields: { intent: "upload" } });
  const pdfErrors = (lastReply?.result.error as Record<string, string[]> | undefined)?.pdf;
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Or upload a PDF</h2>
      <p className="mt-1 text-sm text-slate-600">
        Your own letter on your letterhead, up to {MAX_PDF_BYTES / 1024 / 1024} MB. We add a verification line at the foot of each page.
      </p>
      {content?.format === "uploaded" && content.hasPdf ? (
        <div className="mt-4 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
          <p className="text-sm text-slate-800">
            Uploaded: <span className="font-medium">{content.pdfName}</span> ({Math.max(1, Math.round(content.pdfBytes / 1024))} KB) ·{" "}
            <a href={`${letterPath(letter.id)}/pdf`} className="font-semibold text-brand-700 hover:underline">
              Preview
            </a>
          </p>
          <Form method="post" {...getFormProps(readyForm)} className="mt-3 space-y-3">
            <input type="hidden" name="intent" value="ready_upload" />
            <input type="hidden" name="writerTitle" value={letter.writerTitle ?? ""} />
            <FormErrors id={readyForm.errorId} errors={readyForm.errors} />
            <Button type="submit">Mark the uploaded letter ready and tell {letter.studentFirstName}</Button>
          </Form>
        </div>
      ) : null}
      <Form method="post" encType="multipart/form-data" {...getFormProps(form)} className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="upload" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field field={fields.writerTitle} label="Your title" maxLength={MAX_TITLE} />
        <div>
          <label htmlFor="letter-pdf" className="block text-sm font-medium text-slate-800">
            {content?.format === "uploaded" ? "Replace with another PDF" : "The letter as a PDF"}
          </label>
          <input
            id="letter-pdf"
            name="pdf"
            type="file"
            accept="application/pdf,.pdf"
            required
            aria-invalid={pdfErrors?.length ? true : undefined}
            aria-describedby={pdfErrors?.length ? "letter-pdf-error" : undefined}
            className="mt-1.5 block w-full text-sm text-slate-700 file:mr-3 file:rounded-md file:border-0 file:bg-brand-50 file:px-3 file:py-2 file:text-sm file:font-semibold file:text-brand-800"
          />
          <ErrorList id="letter-pdf-error" errors={pdfErrors} />
        </div>
        <Button type="submit" variant="secondary" disabled={uploading}>
          Upload
        </Button>
      </Form>
    </Card>
  );
}

function DeclineForm({ studentFirstName, lastReply }: { studentFirstName: string; lastReply?: LetterReply }) {
  const [form, fields] = useForm({
    id: "decline",
    lastResult: lastReply?.result,
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: WriterActionSchema }),
  });
  return (
    <details className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" open={Boolean(lastReply)}>
      <summary className="cursor-pointer font-semibold text-slate-900">Cannot write it? Decline</summary>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="decline" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField
          field={fields.declineReason}
          label={`Your reason, for ${studentFirstName}`}
          hint={`${studentFirstName} is emailed it at once, so they can ask someone else in time.`}
          rows={3}
          maxLength={MAX_REASON}
        />
        <Button type="submit" variant="danger">
          Decline the request
        </Button>
      </Form>
    </details>
  );
}

function RevokeForm({ studentFirstName, lastReply }: { studentFirstName: string; lastReply?: LetterReply }) {
  const [form, fields] = useForm({
    id: "revoke",
    lastResult: lastReply?.result,
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: WriterActionSchema }),
  });
  return (
    <details className="rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200" open={Boolean(lastReply)}>
      <summary className="cursor-pointer font-semibold text-slate-900">Revoke the letter</summary>
      <Form method="post" {...getFormProps(form)} className="mt-4 space-y-4">
        <input type="hidden" name="intent" value="revoke" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <p className="text-sm text-slate-700">
          Every link {studentFirstName} sent stops working at once, the verification code no longer checks out, and {studentFirstName} is told. This cannot be undone.
        </p>
        <CheckboxField field={fields.confirm} label="I want to revoke this letter" />
        <Button type="submit" variant="danger">
          Revoke the letter
        </Button>
      </Form>
    </details>
  );
}

// ——— Admins ———

function AdminView({ page }: { page: LetterPage }) {
  const { letter, content } = page;
  return (
    <>
      <Alert tone="info">Admins read letters; only the mentor asked writes, marks ready, declines or revokes one.</Alert>
      {letter.state === "declined" ? (
        <Alert tone="warning" title="Declined">
          <p className="whitespace-pre-line">{letter.declineReason}</p>
        </Alert>
      ) : null}
      {content && (content.body || content.hasPdf) ? (
        <Card>
          <div className="flex flex-wrap items-center justify-between gap-3">
            <h2 className="text-lg font-semibold text-slate-900">{letter.state === "ready" ? "The letter" : "The draft"}</h2>
            <a href={`${letterPath(letter.id)}/pdf`} className="text-sm font-semibold text-brand-700 hover:underline">
              Open the PDF
            </a>
          </div>
          <div className="mt-4">{content.body && content.format === "written" ? <Paragraphs text={content.body} /> : <p className="text-slate-700">Uploaded as a PDF ({content.pdfName}).</p>}</div>
        </Card>
      ) : null}
      {letter.state === "ready" ? <DeliveryList deliveries={page.deliveries} /> : null}
      <ButtonLink to="/letters" variant="secondary">
        Back to all letters
      </ButtonLink>
    </>
  );
}
