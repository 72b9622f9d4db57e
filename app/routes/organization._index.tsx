import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { NoOrganization } from "~/components/organization/no-organization";
import { OrganizationDetails } from "~/components/organization/organization-details";
import { pageParam } from "~/components/pagination";
import { entryFor, parseForm } from "~/forms/gate";
import { readForm, requireCleanForm } from "~/forms/read.server";
import { INVITATION_LIFETIME_DAYS, inviteMentor, revokeInvitation } from "~/modules/organizations/invitations.server";
import { getOrganizationPage, updateOrganization } from "~/modules/organizations/organizations.server";
import { InviteMentorSchema, UpdateOrganizationSchema } from "~/modules/organizations/schemas";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: `${data?.page ? data.page.organization.name : "Your organization"} · Steppingstone` },
];

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
    ? "Saved. Because the name, website or parent institution changed, your organization goes back to an admin to be verified again."
    : "Your changes are saved.";
  return { intent: "update", result: submission.reply(), notice };
}

export default function OrganizationPage() {
  const { page, notice, me, membersPage } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!page) return <NoOrganization />;
  return <OrganizationDetails page={page} notice={notice} me={me} membersPage={membersPage} actionData={actionData} />;
}
