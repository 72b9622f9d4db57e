import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { Form, Link } from "@remix-run/react";
import { CHECK_ON_SUBMIT, FormErrors, TextareaField } from "~/components/forms";
import { formatDateTime } from "~/components/format";
import { Button, Card } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { parseForm } from "~/forms/gate";
import { MESSAGE_EMAIL_GAP_MINUTES } from "~/modules/mentorship/schedule";
import { PostMessageSchema, THREAD_PAGE, type ThreadReadOnly } from "~/modules/mentorship/message-schemas";

// The thread of a match (/matches/:matchId/messages): the messages, oldest first, and the form
// to write one — or, for a reader who may not write, a sentence saying why.

export type ThreadMessageView = {
  id: string;
  author: string;
  authorSide: "student" | "mentor" | null;
  mine: boolean;
  body: string;
  createdAt: string | Date;
};

export type MessagesProps = {
  matchId: string;
  messages: ThreadMessageView[];
  /** Messages before the first shown. */
  earlier: number;
  /** How many the page was asked to show. */
  shown: number;
  /** Null when the reader may write; else why not. */
  readOnly: ThreadReadOnly | null;
  /** The names of the people emailed about the reader's message. */
  recipients: string[];
  lastResult: SubmissionResult<string[]> | undefined;
};

const EMPTY = {
  writer: "No messages yet. Say hello, ask a question, or share what you are working on: everyone on the match reads it here.",
  admin: "No messages yet. When the student or the mentors write here, their messages show up on this page.",
  closed: "No messages were written on this thread.",
} as const;

const names = new Intl.ListFormat("en", { style: "long", type: "conjunction" });
const SIDE_WORDS = { student: "student", mentor: "mentor" } as const;
const gapWords = MESSAGE_EMAIL_GAP_MINUTES === 60 ? "at most one an hour" : `at most one every ${MESSAGE_EMAIL_GAP_MINUTES} minutes`;

export function Messages({ matchId, messages, earlier, shown, readOnly, recipients, lastResult }: MessagesProps) {
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_18rem]">
      <div className="space-y-6">
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Messages</h2>
          {earlier > 0 ? (
            <p className="mt-3 text-center text-sm">
              <Link to={`/matches/${matchId}/messages?show=${shown + THREAD_PAGE}`} preventScrollReset className="font-medium text-brand-700 hover:underline">
                Show earlier messages ({earlier.toLocaleString("en-US")} more)
              </Link>
            </p>
          ) : null}
          {messages.length === 0 ? (
            <p className="mt-3 text-sm text-slate-600">{EMPTY[readOnly ?? "writer"]}</p>
          ) : (
            <ol className="mt-4 space-y-4" aria-label="The thread, oldest first">
              {messages.map((message) => (
                <MessageItem key={message.id} message={message} />
              ))}
            </ol>
          )}
        </Card>
        {readOnly ? (
          <ReadOnlyNote reason={readOnly} />
        ) : (
          // why: keyed by the newest message, so the form starts empty once a message is sent (Remix keeps the page's DOM on the redirect).
          <WriteMessage key={messages.at(-1)?.id ?? "none"} recipients={recipients} lastResult={lastResult} />
        )}
      </div>
      <aside>
        <div className="rounded-xl bg-white p-5 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200">
          <h2 className="font-semibold text-slate-900">About this thread</h2>
          <p className="mt-2">The student and the slot&apos;s mentors write here; Steppingstone&apos;s admins can read it.</p>
          <p className="mt-2">Each new message is emailed to the others, {gapWords} per person: messages written in between go together in the next email.</p>
        </div>
      </aside>
    </div>
  );
}

function MessageItem({ message }: { message: ThreadMessageView }) {
  const when = new Date(message.createdAt);
  return (
    <li id={`message-${message.id}`} className={`flex ${message.mine ? "justify-end" : "justify-start"}`}>
      <article
        aria-label={`${message.mine ? "Your message" : `Message from ${message.author}`}, ${formatDateTime(when)}`}
        className={`max-w-[85%] rounded-xl px-4 py-3 ring-1 ${message.mine ? "bg-brand-50 ring-brand-600/30" : "bg-white ring-slate-200"}`}
      >
        <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-500">
          <span className="font-semibold text-slate-900">{message.author}</span>
          {!message.mine && message.authorSide ? <span>{SIDE_WORDS[message.authorSide]}</span> : null}
          <time dateTime={when.toISOString()}>{formatDateTime(when)}</time>
        </p>
        <p className="mt-1 whitespace-pre-wrap break-words text-sm text-slate-800">{message.body}</p>
      </article>
    </li>
  );
}

function WriteMessage({ recipients, lastResult }: { recipients: string[]; lastResult: SubmissionResult<string[]> | undefined }) {
  const [form, fields] = useForm({
    id: "message",
    lastResult,
    constraint: getZodConstraint(PostMessageSchema),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: PostMessageSchema }),
  });
  const busy = useIsPending();
  const failed = Boolean(lastResult?.error && Object.keys(lastResult.error).length);
  const told = recipients.length
    ? `${names.format(recipients)} ${recipients.length === 1 ? "gets" : "get"} an email (${gapWords}).`
    : "Nobody else is on the match right now, so nobody is emailed.";
  return (
    <Card>
      <Form method="post" {...getFormProps(form)} aria-label="Write a message" className="space-y-3">
        <FormErrors id={form.errorId} errors={form.errors} />
        <TextareaField field={fields.body} label="Your message" hint={told} rows={5} autoFocus={failed} />
        <Button type="submit" disabled={busy}>
          Send
        </Button>
      </Form>
    </Card>
  );
}

function ReadOnlyNote({ reason }: { reason: ThreadReadOnly }) {
  return (
    <p className="rounded-lg bg-slate-100 px-4 py-3 text-sm text-slate-700 ring-1 ring-slate-200">
      {reason === "admin"
        ? "You are reading as an admin: only the student and the slot's mentors write on this thread."
        : "This match is not going ahead, so the thread is closed. Its messages stay here to read."}
    </p>
  );
}
