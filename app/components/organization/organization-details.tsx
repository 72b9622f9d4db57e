import { getFormProps, useForm, type SubmissionResult } from "@conform-to/react";
import { getZodConstraint } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { formatDateTime } from "~/components/format";
import { CHECK_ON_SUBMIT, Field, FormErrors } from "~/components/forms";
import { OrganizationFields } from "~/components/organization-form";
import { Pagination } from "~/components/pagination";
import { Alert, Button, Card } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { VerifiedBadge } from "~/components/verified-badge";
import { ORGANIZATION_SIZE_LABELS, organizationKind } from "~/domain/labels";
import { parseForm } from "~/forms/gate";
import type { getOrganizationPage } from "~/modules/organizations/organizations.server";
import { organizationAddress, organizationPlace } from "~/modules/organizations/place";
import { InviteMentorSchema, UpdateOrganizationSchema } from "~/modules/organizations/schemas";

// The organization page of a mentor (app/routes/organization._index.tsx), once they belong to one.

type OrganizationPage = NonNullable<Awaited<ReturnType<typeof getOrganizationPage>>>;

// why: forms post to the bare address, so a one-time `?notice=` (or a members page) in the
// current URL does not stay on screen after the next change.
const ACTION = "/organization?index";

/**
 * A mentor's organization: what students see, its details to edit, its mentors, and invitations.
 * `actionData` is the page action's answer: which form it was for, its reply, and a notice.
 */
export function OrganizationDetails({
  page,
  notice,
  me,
  membersPage,
  actionData,
}: {
  page: OrganizationPage;
  notice: string | null;
  me: string;
  membersPage: number;
  actionData: { intent: unknown; result: SubmissionResult<string[]> | null; notice: string | null } | undefined;
}) {
  const { organization: org, members, invitations } = page;
  const verified = org.verifiedAt !== null;
  const place = organizationPlace(org);

  return (
    <div className="space-y-8">
      <div className="flex flex-col gap-2">
        <p className="text-sm font-medium text-slate-500">Your organization</p>
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl">{org.name}</h1>
          <VerifiedBadge verified={verified} />
        </div>
        <p className="text-slate-600">
          {organizationKind(org)} · {ORGANIZATION_SIZE_LABELS[org.size]} · {place}
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
              <div className="sm:col-span-2">
                <dt className="text-slate-500">Address on verification letters and certificates</dt>
                <dd className="font-medium">
                  {org.address ? organizationAddress(org) : <span className="font-normal text-slate-500">No street address: letters print “{place}”</span>}
                </dd>
              </div>
            </dl>
          </Card>
          <EditOrganization page={page} lastResult={actionData?.intent === "update" ? actionData.result : null} />
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
          <InviteMentor invitations={invitations} lastResult={actionData?.intent === "invite" ? actionData.result : null} />
        </div>
      </div>
    </div>
  );
}

function EditOrganization({ page, lastResult }: { page: OrganizationPage; lastResult: SubmissionResult<string[]> | null }) {
  const org = page.organization;
  const [form, fields] = useForm({
    id: "edit-organization",
    lastResult: lastResult ?? undefined,
    defaultValue: {
      organizationId: org.id,
      name: org.name,
      type: org.type,
      parentInstitution: org.parentInstitution ?? "",
      size: org.size,
      website: org.website ?? "",
      country: org.country,
      city: org.city ?? "",
      address: org.address ?? "",
      description: org.description,
    },
    constraint: getZodConstraint(UpdateOrganizationSchema),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: UpdateOrganizationSchema }),
  });
  const busy = useIsPending({ formAction: ACTION, fields: { intent: "update" } });
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Edit details</h2>
      <Form method="post" action={ACTION} {...getFormProps(form)} className="mt-5 space-y-6">
        <FormErrors id={form.errorId} errors={form.errors} />
        <input type="hidden" name="organizationId" value={org.id} />
        <OrganizationFields
          fields={fields}
          nameHint={org.verifiedAt ? "Changing the name, the website or the parent institution sends your organization back to an admin to be verified again." : undefined}
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

function InviteMentor({ invitations, lastResult }: { invitations: OrganizationPage["invitations"]; lastResult: SubmissionResult<string[]> | null }) {
  const [form, fields] = useForm({
    id: "invite-mentor",
    lastResult: lastResult ?? undefined,
    constraint: getZodConstraint(InviteMentorSchema),
    ...CHECK_ON_SUBMIT,
    onValidate: ({ formData }) => parseForm(formData, { schema: InviteMentorSchema }),
  });
  const busy = useIsPending({ formAction: ACTION, fields: { intent: "invite" } });
  return (
    <Card>
      <h2 className="text-lg font-semibold text-slate-900">Invite a mentor</h2>
      <p className="mt-1 text-sm text-slate-600">
        We email them a link to join. They need a mentor account with that address — the email tells them how to make one.
      </p>
      <Form method="post" action={ACTION} {...getFormProps(form)} className="mt-4 space-y-3">
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field field={fields.email} label="Their email" type="email" autoComplete="off" />
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
