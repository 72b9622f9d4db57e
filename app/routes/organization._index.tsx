import { getFormProps, useForm } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { entryFor, parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { formatDateTime } from "~/components/format";
import { Field, FormErrors } from "~/components/forms";
import { OrganizationFields, organizationFormFocus } from "~/components/organization-form";
import { Pagination, pageParam } from "~/components/pagination";
import { Alert, Button, ButtonLink, Card } from "~/components/ui";
import { VerifiedBadge } from "~/components/verified-badge";
import { countryName, ORGANIZATION_SIZE_LABELS, ORGANIZATION_TYPE_LABELS } from "~/domain/labels";
import { INVITATION_LIFETIME_DAYS, inviteMentor, revokeInvitation } from "~/modules/organizations/invitations.server";
import { getOrganizationPage, updateOrganization } from "~/modules/organizations/organizations.server";
import { InviteMentorSchema, UpdateOrganizationSchema } from "~/modules/organizations/schemas";
import { readForm, requireCleanForm } from "~/forms/read.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.page ? data.page.organization.name : "Your organization"} · Steppingstone` },
];

// why: forms post to the bare address, so a one-time `?notice=` (or a members page) in the
// current URL does not stay on screen after the next change.
const ACTION = "/organization?index";

const NOTICES: Record<string, string> = {
  created: "Your organization is created. An admin will verify it soon, and you will get an email when they have.",
  joined: "Welcome! You are now a mentor of this organization.",
};

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const membersPage = pageParam(request);
  const page = await getOrganizationPage(getDb(), user.id, { page: membersPage });
  const notice = entryFor(NOTICES, new URL(request.url).searchParams.get("notice"));
  return { page, notice, me: user.id, membersPage };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const formData = await readForm(request);
  const db = getDb();
  const intent = formData.get("intent");

  if (intent === "invite") {
    const submission = parseForm(formData, { schema: InviteMentorSchema });
    if (submission.status !== "success") return data({ intent, result: submission.reply(), notice: null }, { status: 400 });
    const result = await inviteMentor(db, user.id, submission.value.email);
    if (result.ok) {
      const notice = `Invitation sent to ${result.email}. The link works once, for ${INVITATION_LIFETIME_DAYS} days.`;
      return { intent, result: submission.reply({ resetForm: true }), notice };
    }
    if (result.error === "no_organization") throw notFound("Create or join an organization first.");
    const refusal =
      result.error === "already_member"
        ? { status: 409, reply: submission.reply({ fieldErrors: { email: ["This mentor is already a member of your organization."] } }) }
        : { status: 429, reply: submission.reply({ formErrors: ["Too many invitations were sent in the last hour. Wait a while and try again."] }) };
    return data({ intent, result: refusal.reply, notice: null }, { status: refusal.status });
  }

  if (intent === "revoke") {
    const result = await revokeInvitation(db, user.id, String(requireCleanForm(formData).get("invitationId") ?? ""));
    if (!result.ok) throw notFound("That invitation was not found, or it was already used or cancelled.");
    return { intent, result: null, notice: `The invitation to ${result.email} is cancelled; its link no longer works.` };
  }

  const submission = parseForm(formData, { schema: UpdateOrganizationSchema });
  if (submission.status !== "success") return data({ intent: "update", result: submission.reply(), notice: null }, { status: 400 });
  const { organizationId, ...input } = submission.value;
  const result = await updateOrganization(db, user.id, organizationId, input);
  // why: another organization's id answers exactly like a missing one, so ids reveal nothing.
  if (!result.ok) throw notFound("Organization not found.");
  const notice = result.verificationWithdrawn
    ? "Saved. Because the name or website changed, your organization goes back to an admin to be verified again."
    : "Your changes are saved.";
  return { intent: "update", result: submission.reply(), notice };
}

export default function OrganizationPage() {
  const { page, notice } = useLoaderData<typeof loader>();
  if (!page) return <NoOrganization />;
  return <OrganizationDetails page={page} notice={notice} />;
}

function NoOrganization() {
  return (
    <div className="mx-auto max-w-3xl">
      <Card className="text-center">
        <div aria-hidden="true" className="mx-auto flex h-12 w-12 items-center justify-center rounded-full bg-brand-50 text-brand-700 ring-4 ring-brand-100">
          <svg viewBox="0 0 24 24" className="h-6 w-6 fill-none stroke-current" strokeWidth="1.75">
            <path d="M3 21h18M5 21V7l7-4 7 4v14M9 21v-5h6v5M9 10h.01M15 10h.01" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </div>
        <h1 className="mt-5 text-2xl font-bold tracking-tight text-slate-900">Set up your organization</h1>
        <p className="mx-auto mt-3 max-w-xl text-slate-600">
          Slots on Steppingstone belong to an organization — a startup, a nonprofit, a research team, a small business. Create
          yours to start posting mentored internships. An admin verifies each new organization, and verified ones carry a badge
          students trust.
        </p>
        <div className="mt-6 flex justify-center">
          <ButtonLink to="/organization/new">Create your organization</ButtonLink>
        </div>
        <div className="mx-auto mt-8 max-w-xl rounded-lg bg-slate-50 px-4 py-3 text-left text-sm text-slate-600 ring-1 ring-slate-200">
          <p className="font-semibold text-slate-800">Is your organization already here?</p>
          <p className="mt-1">
            Then ask one of its mentors to invite you from their organization page. You will get an email with a link to join — open it
            while logged in with this account. A mentor belongs to one organization.
          </p>
        </div>
      </Card>
    </div>
  );
}

type PageData = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["page"]>;

function OrganizationDetails({ page, notice }: { page: PageData; notice: string | null }) {
  const { organization: org, members, invitations } = page;
  const { me, membersPage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const verified = org.verifiedAt !== null;
  const place = [org.city, countryName(org.country)].filter(Boolean).join(", ");

  return (
    <div className="space-y-8">
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-slate-500">Your organization</p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{org.name}</h1>
          <VerifiedBadge verified={verified} />
        </div>
        <p className="text-slate-600">
          {ORGANIZATION_TYPE_LABELS[org.type]} · {ORGANIZATION_SIZE_LABELS[org.size]} · {place}
        </p>
      </div>

      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {actionData?.notice ? <Alert tone="success">{actionData.notice}</Alert> : null}
      {verified ? null : (
        <Alert tone="info" title="Waiting for an admin to verify it">
          An admin checks that the organization is real and that you belong to it — the website helps. You can prepare slots
          meanwhile; slots of an unverified organization are reviewed before they open. We will email you when it is verified.
        </Alert>
      )}

      <div className="grid items-start gap-8 lg:grid-cols-3">
        <div className="space-y-8 lg:col-span-2">
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">What students see</h2>
            <p className="mt-3 whitespace-pre-line text-slate-700">{org.description}</p>
            <dl className="mt-5 grid gap-x-6 gap-y-3 text-sm sm:grid-cols-2">
              <div>
                <dt className="text-slate-500">Website</dt>
                <dd className="font-medium">
                  {org.website ? (
                    <a href={org.website} rel="noopener noreferrer" className="text-brand-700 hover:underline">
                      {org.website.replace(/^https?:\/\//, "")}
                    </a>
                  ) : (
                    <span className="text-slate-500">Not given</span>
                  )}
                </dd>
              </div>
              <div>
                <dt className="text-slate-500">Location</dt>
                <dd className="font-medium">{place}</dd>
              </div>
              <div>
                <dt className="text-slate-500">Verification</dt>
                <dd className="font-medium">{verified ? `Verified ${formatDateTime(org.verifiedAt!)}` : "Not yet verified"}</dd>
              </div>
              <div>
                <dt className="text-slate-500">On Steppingstone since</dt>
                <dd className="font-medium">{formatDateTime(org.createdAt)}</dd>
              </div>
            </dl>
          </Card>
          <EditOrganization page={page} lastResult={actionData?.intent === "update" ? actionData.result : undefined} />
        </div>

        <div className="space-y-8">
          <Card>
            <h2 className="text-lg font-semibold text-slate-900">Mentors</h2>
            <p className="mt-1 text-sm text-slate-600">
              {members.total === 1 ? "Just you so far." : `${members.total} mentors.`} Each can post slots and invite others.
            </p>
            <ul aria-label="Mentors of this organization" className="mt-4 divide-y divide-slate-100 text-sm">
              {members.rows.map((m) => (
                <li key={m.id} className="py-3">
                  <p className="font-medium text-slate-900">
                    {m.name}
                    {m.id === me ? <span className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-xs font-normal text-brand-800">you</span> : null}
                  </p>
                  <p className="text-slate-500">{m.email}</p>
                  <p className="text-xs text-slate-500">Joined {formatDateTime(m.joinedAt)}</p>
                </li>
              ))}
            </ul>
            <Pagination page={membersPage} pages={members.pages} />
          </Card>
          <InviteMentor invitations={invitations} lastResult={actionData?.intent === "invite" ? actionData.result : undefined} />
        </div>
      </div>
    </div>
  );
}

type ActionResult = NonNullable<ReturnType<typeof useActionData<typeof action>>>["result"];

function EditOrganization({ page, lastResult }: { page: PageData; lastResult: ActionResult | undefined }) {
  const org = page.organization;
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "edit-organization",
    lastResult: lastResult ?? undefined,
    defaultValue: {
      organizationId: org.id,
      name: org.name,
      type: org.type,
      size: org.size,
      website: org.website ?? "",
      country: org.country,
      city: org.city ?? "",
      description: org.description,
    },
    constraint: getZodConstraint(UpdateOrganizationSchema),
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: UpdateOrganizationSchema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "update";
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Edit details</h2>
      <Form method="post" action={ACTION} {...getFormProps(form)} className="mt-5 space-y-6">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="organizationId" value={org.id} />
        <OrganizationFields
          fields={fields}
          focus={organizationFormFocus(lastResult?.error)}
          nameHint={org.verifiedAt ? "Changing the name or the website sends your organization back to an admin to be verified again." : undefined}
        />
        <div className="border-t border-slate-200 pt-6">
          <Button type="submit" name="intent" value="update" disabled={busy}>
            {busy ? "Saving…" : "Save changes"}
          </Button>
        </div>
      </Form>
    </Card>
  );
}

function InviteMentor({ invitations, lastResult }: { invitations: PageData["invitations"]; lastResult: ActionResult | undefined }) {
  const navigation = useNavigation();
  const [form, fields] = useForm({
    id: "invite-mentor",
    lastResult: lastResult ?? undefined,
    constraint: getZodConstraint(InviteMentorSchema),
    shouldValidate: "onSubmit",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) => parseForm(formData, { schema: InviteMentorSchema }),
  });
  const busy = navigation.state === "submitting" && navigation.formData?.get("intent") === "invite";
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Invite a mentor</h2>
      <p className="mt-1 text-sm text-slate-600">
        We email them a link to join. They need a mentor account with that address — the email tells them how to make one.
      </p>
      <Form method="post" action={ACTION} {...getFormProps(form)} className="mt-4 space-y-3">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field field={fields.email} label="Their email" type="email" autoComplete="off" autoFocus={Boolean(lastResult?.error?.email?.length)} />
        <Button type="submit" name="intent" value="invite" variant="secondary" className="w-full" disabled={busy}>
          {busy ? "Sending…" : "Send invitation"}
        </Button>
      </Form>
      <h3 className="mt-6 text-sm font-semibold text-slate-900">Pending invitations</h3>
      {invitations.total === 0 ? (
        <p className="mt-1 text-sm text-slate-500">None. Accepted invitations show up as mentors above.</p>
      ) : (
        <>
          <ul aria-label="Pending invitations" className="mt-2 divide-y divide-slate-100 text-sm">
            {invitations.rows.map((inv) => (
              <li key={inv.id} className="flex items-start justify-between gap-3 py-3">
                <div className="min-w-0">
                  <p className="truncate font-medium text-slate-900">{inv.email}</p>
                  <p className="text-xs text-slate-500">
                    {inv.invitedByName ? `By ${inv.invitedByName} · ` : ""}expires {formatDateTime(inv.expiresAt)}
                  </p>
                </div>
                <Form method="post" action={ACTION}>
                  <input type="hidden" name="invitationId" value={inv.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="revoke"
                    className="rounded-md px-2 py-1 text-xs font-semibold text-red-700 hover:bg-red-50"
                    aria-label={`Cancel the invitation to ${inv.email}`}
                  >
                    Cancel
                  </button>
                </Form>
              </li>
            ))}
          </ul>
          {invitations.total > invitations.rows.length ? (
            <p className="mt-2 text-xs text-slate-500">
              Showing the {invitations.rows.length} newest of {invitations.total}; the others still work until they expire.
            </p>
          ) : null}
        </>
      )}
    </Card>
  );
}
