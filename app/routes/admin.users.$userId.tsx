import { getFormProps, useForm } from "@conform-to/react";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { AdminNav } from "~/components/admin-nav";
import { EmailStatusBadge } from "~/components/email-status";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CHECK_ON_SUBMIT, CheckboxField, ChoiceGroup, FormErrors } from "~/components/forms";
import { describeUserAgent, formatDateTime } from "~/components/format";
import { ReasonForm } from "~/components/reason-form";
import { Alert, Button, Card, PageHeader } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { SLOT_STATUS_LABELS } from "~/domain/labels";
import { parseForm, UNKNOWN_BUTTON } from "~/forms/gate";
import { readForm, requireCleanForm } from "~/forms/read.server";
import { APPLICATION_STATUS_LABELS } from "~/modules/applications/schemas";
import { LETTER_PURPOSE_LABELS, LETTER_STATE_LABELS_WRITER } from "~/modules/letters/labels";
import { MATCH_STATUS_LABELS } from "~/modules/matches/labels";
import { REFUSALS, ROLE_LABELS } from "~/modules/people/labels";
import { getPersonPage } from "~/modules/people/people.server";
import { grantAdmin, removeAdmin, resendVerificationFor } from "~/modules/people/roles.server";
import { GrantAdminSchema, PERSON_LIST_SIZE, ReactivateSchema, RemoveAdminSchema, SuspendSchema } from "~/modules/people/schemas";
import { reactivateAccount, suspendAccount } from "~/modules/people/suspension.server";
import { REFERRAL_STATE_LABELS } from "~/modules/referrals/referral-labels";
import { plural } from "~/modules/slots/format";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.page.person.name} · People · Admin · Steppingstone` : "People · Admin · Steppingstone" }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const page = await getPersonPage(getDb(), params.userId ?? "");
  if (!page) throw notFound("No account has this address. It may have been deleted.");
  return { page, self: admin.id === page.person.id };
}

type Intent = "suspend" | "reactivate" | "resend_verification" | "grant_admin" | "remove_admin";
const titles = (slots: { title: string }[]) => slots.map((s) => `“${s.title}”`).join(", ");

export async function action({ request, params }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const formData = await readForm(request);
  const db = getDb();
  const userId = params.userId ?? "";
  const actorId = admin.id;
  const refuse = (intent: Intent, error: keyof typeof REFUSALS, result: unknown = null) =>
    data({ intent, result, notice: null as string | null, failure: REFUSALS[error] }, { status: error === "not_found" ? 404 : 409 });
  const done = (intent: Intent, notice: string) => ({ intent, result: null, notice, failure: null as string | null });
  const invalid = (intent: Intent, result: unknown) => data({ intent, result, notice: null, failure: null }, { status: 400 });

  switch (formData.get("intent")) {
    case "suspend": {
      const submission = parseForm(formData, { schema: SuspendSchema });
      if (submission.status !== "success") return invalid("suspend", submission.reply());
      const outcome = await suspendAccount(db, { actorId, userId, reason: submission.value.reason });
      if (!outcome.ok) return refuse("suspend", outcome.error, submission.reply());
      const parts = [
        "The account is suspended: they cannot sign in and are sent no email.",
        outcome.sessionsEnded ? `${plural(outcome.sessionsEnded, "session")} ended.` : null,
        outcome.pausedSlots ? `${plural(outcome.pausedSlots, "slot")} they mentor alone closed until reactivation.` : null,
        outcome.leftMatching ? "They are out of matching rounds until reactivation." : null,
      ];
      return done("suspend", parts.filter(Boolean).join(" "));
    }
    case "reactivate": {
      const submission = parseForm(formData, { schema: ReactivateSchema });
      if (submission.status !== "success") return invalid("reactivate", submission.reply());
      const outcome = await reactivateAccount(db, { actorId, userId, note: submission.value.reason });
      if (!outcome.ok) return refuse("reactivate", outcome.error, submission.reply());
      const parts = [
        "The account is active again: they can sign in.",
        outcome.reopened.length ? `Open again: ${titles(outcome.reopened)}.` : null,
        outcome.stayedClosed.length ? `Still closed, as its deadline has passed or it changed meanwhile: ${titles(outcome.stayedClosed)}.` : null,
        outcome.backInMatching ? "They are back in matching rounds." : null,
      ];
      return done("reactivate", parts.filter(Boolean).join(" "));
    }
    case "grant_admin": {
      const submission = parseForm(formData, { schema: GrantAdminSchema });
      if (submission.status !== "success") return invalid("grant_admin", submission.reply());
      const outcome = await grantAdmin(db, { actorId, userId });
      if (!outcome.ok) return refuse("grant_admin", outcome.error, submission.reply());
      return done("grant_admin", `${outcome.name} is an admin now.`);
    }
    case "remove_admin": {
      const submission = parseForm(formData, { schema: RemoveAdminSchema });
      if (submission.status !== "success") return invalid("remove_admin", submission.reply());
      const outcome = await removeAdmin(db, { actorId, userId, role: submission.value.role });
      if (!outcome.ok) return refuse("remove_admin", outcome.error, submission.reply());
      return done("remove_admin", `${outcome.name} is no longer an admin; they are a ${ROLE_LABELS[submission.value.role].toLowerCase()} again.`);
    }
    case "resend_verification": {
      requireCleanForm(formData);
      const outcome = await resendVerificationFor(db, { actorId, userId });
      if (!outcome.ok) return refuse("resend_verification", outcome.error);
      return done("resend_verification", `A new verification link is on its way to ${outcome.email}. It works for 24 hours.`);
    }
    default:
      throw new Response(UNKNOWN_BUTTON, { status: 400 });
  }
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function AdminPersonPage() {
  const { page, self } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { person, suspension } = page;
  const resultOf = (intent: Intent) => (actionData?.intent === intent ? (actionData.result as ActionResult) : undefined);

  return (
    <div className="space-y-8">
      <AdminNav />
      <p className="text-sm">
        <Link to="/admin/users" className="font-medium text-brand-700 hover:underline">
          ← People
        </Link>
      </p>
      <PageHeader
        title={person.name}
        description={
          <>
            <span className="break-all">{person.email}</span> · {ROLE_LABELS[person.role]}
            {person.organization ? ` at ${person.organization}` : ""} · joined {formatDateTime(person.createdAt)}
          </>
        }
      >
        <div className="flex flex-wrap gap-2">
          {person.suspendedAt ? <Badge tone="red">Suspended</Badge> : null}
          {person.emailVerifiedAt ? <Badge tone="slate">Email confirmed</Badge> : <Badge tone="amber">Email not confirmed</Badge>}
          {person.role === "student" ? <Badge tone="slate">{person.inMatching ? "In matching rounds" : "Not in matching rounds"}</Badge> : null}
        </div>
      </PageHeader>

      {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
      {actionData?.failure ? <Alert tone="error">{actionData.failure}</Alert> : null}

      {person.suspendedAt ? (
        <Card>
          <h2 className="text-lg font-semibold text-slate-900">Suspended</h2>
          <p className="mt-1 text-sm text-slate-700">
            Since {formatDateTime(person.suspendedAt)}
            {suspension?.suspendedBy ? `, by ${suspension.suspendedBy}` : ""}.
            {suspension ? ` ${plural(suspension.pausedSlotIds.length, "slot")} closed with the suspension${suspension.wasInMatching ? "; taken out of matching rounds" : ""}.` : ""}
          </p>
          {suspension ? (
            <blockquote className="mt-3 whitespace-pre-line border-l-4 border-red-200 pl-3 text-sm text-slate-800">{suspension.reason}</blockquote>
          ) : null}
          <div className="mt-5 border-t border-slate-200 pt-4">
            <ReasonForm
              id="reactivate"
              schema={ReactivateSchema}
              lastResult={resultOf("reactivate")}
              hidden={{ intent: "reactivate" }}
              label="Note (optional): why the suspension ends. It goes in the audit log."
              rows={2}
              buttons={[{ label: "Reactivate the account" }]}
            />
            <p className="mt-2 text-xs text-slate-500">Slots closed by the suspension open again if their deadline has not passed; a student who was in matching rounds is again.</p>
          </div>
        </Card>
      ) : null}

      <Card>
        <h2 className="text-lg font-semibold text-slate-900">Account</h2>
        <div className="mt-4 space-y-6">
          {!person.emailVerifiedAt && !person.suspendedAt ? <ResendVerification /> : null}
          {person.role === "admin" ? (
            <RemoveAdmin self={self} hasOrganization={person.organization !== null} lastResult={resultOf("remove_admin")} />
          ) : person.suspendedAt ? null : (
            <GrantAdmin role={person.role} lastResult={resultOf("grant_admin")} />
          )}
          {person.suspendedAt ? null : self ? (
            <p className="text-sm text-slate-600">This is your account: another admin can suspend it if needed.</p>
          ) : (
            <ReasonForm
              id="suspend"
              schema={SuspendSchema}
              lastResult={resultOf("suspend")}
              constraint
              revalidate="onInput"
              hidden={{ intent: "suspend" }}
              fold="Suspend this account…"
              label="Why? It stays in the audit log for other admins; the person is not emailed."
              hint="They are signed out everywhere and cannot sign in; open slots they mentor alone close; a student leaves matching rounds; no email is sent to them. Reactivating undoes all of it."
              rows={3}
              buttons={[{ label: `Suspend ${person.name}`, variant: "danger" }]}
            />
          )}
        </div>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <ShortList title="Slots they mentor" list={page.slots} empty="No slots.">
          {(slot) => (
            <Row key={slot.id} href={`/slots/${slot.id}`} label={slot.title} meta={`${SLOT_STATUS_LABELS[slot.status]} · ${slot.organization}${suspension?.pausedSlotIds.includes(slot.id) ? " · closed by the suspension" : ""}`} />
          )}
        </ShortList>
        <ShortList title="Applications" list={page.applications} empty="No applications.">
          {(a) => <Row key={a.id} href={`/slots/${a.slotId}`} label={a.slot} meta={`${APPLICATION_STATUS_LABELS[a.status]} · ${formatDateTime(a.submittedAt)}`} />}
        </ShortList>
        <ShortList title="Matches" list={page.matches} empty="No matches.">
          {(m) => <Row key={m.id} href={`/matches/${m.id}`} label={`${m.student} · ${m.slot}`} meta={`${MATCH_STATUS_LABELS[m.status]} · ${formatDateTime(m.createdAt)}`} />}
        </ShortList>
        <ShortList title="Recommendation letters" list={page.letters} empty="No letters asked for or written.">
          {(l) => (
            <Row
              key={l.id}
              href={`/letters/${l.id}`}
              label={`${LETTER_PURPOSE_LABELS[l.purpose]}${l.purposeDetail ? `: ${l.purposeDetail}` : ""}`}
              meta={`${l.asWriter ? "As writer" : "Asked for"} · ${LETTER_STATE_LABELS_WRITER[l.state]} · ${formatDateTime(l.createdAt)}`}
            />
          )}
        </ShortList>
        <ShortList title="Referrals" list={page.referrals} empty="No referrals asked for or made.">
          {(r) => <Row key={r.id} href={`/referrals/${r.id}`} label={`${r.role} at ${r.company}`} meta={`${r.asMentor ? "As mentor" : "Asked for"} · ${REFERRAL_STATE_LABELS[r.state]} · ${formatDateTime(r.createdAt)}`} />}
        </ShortList>
        <ShortList title="Sessions" list={page.sessions} empty={person.suspendedAt ? "None: suspension ended them all." : "Not signed in anywhere."}>
          {(s, i) => (
            <Row
              key={i}
              label={describeUserAgent(s.userAgent)}
              meta={`Signed in ${formatDateTime(s.createdAt)} · last active ${formatDateTime(s.lastActiveAt)} · ends ${formatDateTime(s.expiresAt)} if unused`}
            />
          )}
        </ShortList>
        <ShortList title="Recent emails to them" list={page.emails} empty="No emails.">
          {(e) => (
            <li key={e.id} className="py-2.5">
              <div className="flex items-start justify-between gap-3">
                <p className="text-sm font-medium text-slate-900">{e.subject}</p>
                <EmailStatusBadge status={e.status} />
              </div>
              <p className="text-xs text-slate-500">
                {formatDateTime(e.createdAt)}
                {e.status === "failed" && e.lastError ? ` · ${e.lastError}` : ""}
              </p>
            </li>
          )}
        </ShortList>
      </div>
    </div>
  );
}

function Badge({ tone, children }: { tone: "red" | "amber" | "slate"; children: ReactNode }) {
  const tones = { red: "bg-red-50 text-red-800 ring-red-200", amber: "bg-amber-50 text-amber-900 ring-amber-200", slate: "bg-slate-100 text-slate-700 ring-slate-200" };
  return <span className={`rounded-full px-2.5 py-0.5 text-xs font-medium ring-1 ${tones[tone]}`}>{children}</span>;
}

function ShortList<Item>({ title, list, empty, children }: { title: string; list: { rows: Item[]; total: number }; empty: string; children: (item: Item, index: number) => ReactNode }) {
  return (
    <section aria-label={title} className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
      <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500">
        {title} <span className="font-normal normal-case text-slate-400">({list.total})</span>
      </h2>
      {list.rows.length === 0 ? <p className="mt-2 text-sm text-slate-500">{empty}</p> : <ul className="mt-1 divide-y divide-slate-100">{list.rows.map(children)}</ul>}
      {list.total > list.rows.length ? <p className="mt-2 text-xs text-slate-500">The newest {PERSON_LIST_SIZE} of {list.total}.</p> : null}
    </section>
  );
}

function Row({ href, label, meta }: { href?: string; label: string; meta: string }) {
  return (
    <li className="py-2.5">
      {href ? (
        <Link to={href} className="text-sm font-medium text-brand-700 hover:underline">
          {label}
        </Link>
      ) : (
        <p className="text-sm font-medium text-slate-900">{label}</p>
      )}
      <p className="text-xs text-slate-500">{meta}</p>
    </li>
  );
}

function ResendVerification() {
  const pending = useIsPending({ fields: { intent: "resend_verification" } });
  return (
    <Form method="post" className="flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
      <p className="text-sm text-slate-700">They have not confirmed their email address, so they cannot sign in yet.</p>
      <Button type="submit" name="intent" value="resend_verification" variant="secondary" disabled={pending} className="shrink-0">
        Send a new verification link
      </Button>
    </Form>
  );
}

function GrantAdmin({ role, lastResult }: { role: "student" | "mentor"; lastResult: ActionResult }) {
  const [form, fields] = useForm({ id: "grant-admin", lastResult, ...CHECK_ON_SUBMIT, onValidate: ({ formData }) => parseForm(formData, { schema: GrantAdminSchema }) });
  const pending = useIsPending({ fields: { intent: "grant_admin" } });
  return (
    <details open={Boolean(lastResult)}>
      <summary className="cursor-pointer text-sm font-semibold text-brand-700 hover:underline">Make this account an admin…</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="grant_admin" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Alert tone="warning">
          An account has one role. As an admin they see every account and decision, and their {role} pages stop being theirs while they are admin
          {role === "mentor" ? ": they no longer manage their slots or applicants" : ": they no longer apply, star slots or join matching rounds"}. Removing the admin role gives them back.
          {role === "mentor"
            ? " While they are the only mentor left to answer an open slot or a match that has not ended, this is refused."
            : " While they have a match that has not ended, this is refused."}
        </Alert>
        <CheckboxField field={fields.confirm} label={`I understand: make them an admin instead of a ${role}`} />
        <Button type="submit" disabled={pending}>
          Make admin
        </Button>
      </Form>
    </details>
  );
}

type ActionResult = Parameters<typeof ReasonForm>[0]["lastResult"];

function RemoveAdmin({ self, hasOrganization, lastResult }: { self: boolean; hasOrganization: boolean; lastResult: ActionResult }) {
  const [form, fields] = useForm({
    id: "remove-admin",
    lastResult,
    defaultValue: { role: hasOrganization ? "mentor" : "student" },
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: RemoveAdminSchema }),
  });
  const pending = useIsPending({ fields: { intent: "remove_admin" } });
  if (self) return <p className="text-sm text-slate-600">You are an admin. Another admin can remove your admin role.</p>;
  return (
    <details open={Boolean(lastResult)}>
      <summary className="cursor-pointer text-sm font-semibold text-red-700 hover:underline">Remove the admin role…</summary>
      <Form method="post" {...getFormProps(form)} className="mt-3 space-y-3">
        <input type="hidden" name="intent" value="remove_admin" />
        <FormErrors id={form.errorId} errors={form.errors} />
        <ChoiceGroup
          field={fields.role}
          type="radio"
          legend="Which role do they go back to?"
          hint={hasOrganization ? "They belong to an organization, so mentor is chosen." : undefined}
          options={[
            { value: "mentor", label: "Mentor" },
            { value: "student", label: "Student" },
          ]}
        />
        <Button type="submit" variant="danger" disabled={pending}>
          Remove admin role
        </Button>
      </Form>
    </details>
  );
}
