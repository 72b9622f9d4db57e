import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CHECK_ON_SUBMIT, ChoiceGroup, Field, FormErrors, TextareaField, optionsFrom } from "~/components/forms";
import { LetterStateBadge } from "~/components/letters/letter-ui";
import { Pagination, pageParam } from "~/components/pagination";
import { Alert, Button, Card, PageHeader } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { entryFor, parseForm } from "~/forms/gate";
import { readForm, readQuery } from "~/forms/read.server";
import { LETTER_PURPOSE_LABELS, WAIVE_EXPLANATION } from "~/modules/letters/labels";
import { listLetters, requestFormToday, requestLetter, requestOptions, type LetterListRow, type RequestOption } from "~/modules/letters/letters.server";
import { askValue, MAX_PURPOSE_DETAIL, MAX_REQUEST_NOTE, requestLetterSchema } from "~/modules/letters/schemas";
import { letterPath } from "~/modules/letters/rules";
import { formatDay, plural } from "~/modules/slots/format";

export const meta: MetaFunction = () => [{ title: "Recommendation letters · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "student", "mentor", "admin");
  const db = getDb();
  const page = pageParam(request);
  const letters = await listLetters(db, { id: user.id, role: user.role }, { page });
  const options = user.role === "student" ? await requestOptions(db, user.id) : [];
  const match = readQuery(request).params.get("match");
  return { role: user.role, letters, page, options, today: requestFormToday(options), preselect: options.find((o) => o.matchId === match)?.matchId ?? null };
}

const NOTICES = {
  withdrawn: "Request withdrawn. Your mentor has an email saying they need not write it.",
} as const;

const REFUSALS = {
  not_found: "That internship is not one you can ask a letter from: a letter is asked once the internship has started. Reload the page and choose again.",
  not_a_mentor: "That person is not a mentor of this internship any more. Choose another mentor.",
  duplicate: "You already asked this mentor for a letter for the same purpose, and it is not finished. Open it below instead of asking twice.",
  past_due: "Choose a date after today where your internship is: your mentor needs time to write",
} as const;

const REFUSED_FIELD = { not_found: "ask", not_a_mentor: "ask", duplicate: undefined, past_due: "dueDate" } as const;

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "student");
  const db = getDb();
  // why: the form's "today" is the earliest day among the student's internships' time zones; requestLetter checks the one asked.
  const submission = parseForm(await readForm(request), { schema: requestLetterSchema(requestFormToday(await requestOptions(db, user.id))) });
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await requestLetter(db, { studentId: user.id, input: submission.value });
  if (!result.ok) {
    const field = REFUSED_FIELD[result.error];
    const message = REFUSALS[result.error];
    return data({ result: submission.reply(field ? { fieldErrors: { [field]: [message] } } : { formErrors: [message] }) }, { status: 409 });
  }
  return redirect(`${letterPath(result.letterId)}?notice=requested`);
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

const DESCRIPTIONS = {
  student:
    "Ask a mentor from your internship for a letter, then send it to schools and employers from here. Each recipient gets a link of their own, and you see when they open it.",
  mentor: "Letters students asked you to write. Write one here (we print your organization's letterhead) or upload a PDF, then mark it ready.",
  admin: "Every letter students asked for, newest first. Admins read letters; only their writers change them.",
} as const;

export default function LettersPage() {
  const { role, letters, page, options, today, preselect } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const notice = actionData ? null : entryFor(NOTICES, params.get("notice"));
  return (
    <div>
      <PageHeader title="Recommendation letters" description={DESCRIPTIONS[role]} />
      {notice ? (
        <div className="mb-6">
          <Alert tone="success">{notice}</Alert>
        </div>
      ) : null}
      <div className={role === "student" ? "grid gap-8 lg:grid-cols-5" : ""}>
        <section aria-labelledby="letters-heading" className="lg:col-span-2">
          <h2 id="letters-heading" className="mb-3 text-lg font-semibold text-slate-900">
            {role === "mentor" ? "Asked of you" : role === "admin" ? "All letters" : "Your letters"}
          </h2>
          <LetterList letters={letters.rows} role={role} />
          <Pagination page={page} pages={letters.pages} />
          {role === "student" ? <VerificationLetters options={options} /> : null}
        </section>
        {role === "student" ? (
          <section aria-labelledby="ask-heading" className="lg:col-span-3">
            <Card>
              <h2 id="ask-heading" className="text-lg font-semibold text-slate-900">
                Ask for a letter
              </h2>
              {options.length ? (
                <RequestForm options={options} today={today} preselect={preselect} lastResult={actionData?.result} />
              ) : (
                <p className="mt-2 text-slate-600">
                  You can ask for a letter once an internship has started. Your mentor will get an email, and you will see here what happens next.{" "}
                  <Link to="/matches" className="font-semibold text-brand-700 hover:underline">
                    See your matches
                  </Link>
                </p>
              )}
            </Card>
          </section>
        ) : null}
      </div>
    </div>
  );
}

function LetterList({ letters, role }: { letters: LetterListRow[]; role: "student" | "mentor" | "admin" }) {
  if (!letters.length) {
    return (
      <p className="rounded-xl bg-white p-6 text-slate-600 ring-1 ring-slate-200">
        {role === "mentor" ? "No student has asked you for a letter yet. When one does, you get an email and it shows here." : "No letters yet."}
      </p>
    );
  }
  const side = role === "mentor" ? "writer" : role;
  return (
    <ul className="space-y-3" aria-label="Letters">
      {letters.map((l) => (
        <li key={l.id}>
          <Link to={letterPath(l.id)} className="block rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-brand-300">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <span className="font-semibold text-slate-900">{role === "student" ? `From ${l.mentorName}` : `For ${l.studentName}`}</span>
              <LetterStateBadge state={l.state} revoked={l.revoked} side={side} />
            </div>
            <p className="mt-1 text-sm text-slate-700">{l.purpose}</p>
            <p className="mt-1 text-xs text-slate-500">
              {l.slotTitle} · {l.organizationName}
              {role === "admin" ? ` · ${l.studentName} asked ${l.mentorName}` : ""}
            </p>
            <p className={`mt-1 text-xs ${l.overdue ? "font-semibold text-red-700" : "text-slate-500"}`}>{statusLine(l, role)}</p>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * Where a student finds the other letter they may be looking for: the verification letter (OPT,
 * CPT) is a document of the internship, on its Documents tab, not a recommendation.
 */
function VerificationLetters({ options }: { options: RequestOption[] }) {
  return (
    <section aria-labelledby="verification-heading" className="mt-6 rounded-xl bg-slate-50 p-4 text-sm text-slate-700 ring-1 ring-slate-200">
      <h3 id="verification-heading" className="font-semibold text-slate-900">
        Looking for a verification letter for OPT or CPT?
      </h3>
      <p className="mt-1">
        A letter that states your role, dates and hours is not a recommendation: you generate it on your internship's Documents tab, and your mentor signs it
        there.
      </p>
      {options.length ? (
        <ul className="mt-2 space-y-1">
          {options.map((o) => (
            <li key={o.matchId}>
              <Link to={`/matches/${o.matchId}/documents`} className="font-semibold text-brand-700 hover:underline">
                Documents of “{o.slotTitle}”, {o.organizationName}
              </Link>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-1">
          You can generate one once an internship has started, from{" "}
          <Link to="/matches" className="font-semibold text-brand-700 hover:underline">
            your matches
          </Link>
          .
        </p>
      )}
    </section>
  );
}

/** What to know of a letter at a glance: when it is needed, where it went, whether it is confidential. */
function statusLine(l: LetterListRow, role: "student" | "mentor" | "admin") {
  const parts = [
    l.state === "requested" || l.state === "writing" ? `Needed by ${formatDay(l.dueDate)}${l.overdue ? " — past due" : ""}` : null,
    l.state === "ready" && role !== "mentor" ? `Sent to ${plural(l.sent, "recipient")}, ${l.opened} opened` : null,
    l.waived ? "Confidential" : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

function RequestForm({ options, today, preselect, lastResult }: { options: RequestOption[]; today: string; preselect: string | null; lastResult?: SubmissionResult<string[]> }) {
  const schema = requestLetterSchema(today);
  const choices = options.flatMap((o) =>
    o.mentors.map((m) => ({ value: askValue(o.matchId, m.id), label: m.name, description: `${o.slotTitle} · ${o.organizationName}`, matchId: o.matchId })),
  );
  const only = choices.length === 1 ? choices[0]!.value : undefined;
  const first = preselect ? choices.filter((c) => c.matchId === preselect) : [];
  const [form, fields] = useForm({
    id: "ask-letter",
    lastResult,
    defaultValue: { ask: only ?? (first.length === 1 ? first[0]!.value : undefined) },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema }),
  });
  const pending = useIsPending();
  return (
    <Form method="post" {...getFormProps(form)} className="mt-4 space-y-6">
      <FormErrors id={form.errorId} errors={form.errors} />
      <ChoiceGroup
        field={fields.ask}
        type="radio"
        look="cards"
        columns="sm:grid-cols-2"
        legend="Which mentor?"
        hint="The mentors of your internships that have started. Ask the one who knows your work best."
        options={choices}
      />
      <ChoiceGroup field={fields.purpose} type="radio" look="tiles" columns="sm:grid-cols-3" legend="What is it for?" options={optionsFrom(LETTER_PURPOSE_LABELS)} />
      <Field
        field={fields.purposeDetail}
        label="Which school, program or kind of job?"
        hint="Required for a named program; helps your mentor in every case. For example: MSc Computer Science, University of Toronto."
        maxLength={MAX_PURPOSE_DETAIL}
      />
      <Field field={fields.dueDate} type="date" label="Needed by" hint="Leave your mentor at least two weeks. They get a reminder a week and a day before." min={today} />
      <TextareaField
        field={fields.requestNote}
        label="A note to your mentor (optional)"
        hint="What you would like them to mention: a project, a skill, something you are proud of."
        rows={4}
        maxLength={MAX_REQUEST_NOTE}
      />
      <ChoiceGroup
        field={fields.waiver}
        type="radio"
        look="cards"
        columns="sm:grid-cols-1"
        legend="Your right to read the letter"
        hint={WAIVE_EXPLANATION}
        options={[
          { value: "waive", label: "I waive my right to read it (confidential)", description: "Only your mentor, the people you send it to and Steppingstone's admins read it." },
          { value: "keep", label: "I keep my right to read it", description: "You can read it here once it is ready. Some schools give such letters less weight." },
        ]}
      />
      <Alert tone="info" title="What happens next">
        Your mentor gets an email with your request. You will get an email when they finish the letter (or if they cannot write it), and then you send it
        from here to each school or employer.
      </Alert>
      <Button type="submit" disabled={pending}>
        Send the request
      </Button>
    </Form>
  );
}
