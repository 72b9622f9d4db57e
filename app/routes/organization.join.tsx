import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireAuth } from "~/auth/guards.server";
import { formatDateTime } from "~/components/format";
import { Alert, Button, ButtonLink, NarrowPage } from "~/components/ui";
import { VerifiedBadge } from "~/components/verified-badge";
import { acceptInvitation, describeInvitation, type InvitationProblem } from "~/modules/organizations/invitations.server";
import { readGatedForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Join an organization · Steppingstone" }];

// The token in the link identifies the invitation; the signed-in account is who joins.
// Opening the link only shows the invitation and a button: the POST spends it, so mail
// scanners that prefetch links do not. Signed-out visitors log in and come back here.
export async function loader({ request }: LoaderFunctionArgs) {
  const { user } = await requireAuth(request);
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const described = await describeInvitation(getDb(), user.id, token);
  return { token, described, me: { email: user.email, role: user.role } };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user } = await requireAuth(request);
  const token = String((await readGatedForm(request)).get("token") ?? "");
  const result = await acceptInvitation(getDb(), user.id, token);
  if (result.ok) return redirect("/organization?notice=joined");
  return data({ problem: result.error }, { status: result.error === "invalid_link" ? 400 : 409 });
}

function problemText(problem: InvitationProblem, { invitedEmail, me }: { invitedEmail?: string; me: { email: string; role: string } }) {
  switch (problem) {
    case "invalid_link":
      return { title: "This link is not valid", body: "It may have been cut short when copied. Open the link from the invitation email again, or ask for a new invitation." };
    case "used_link":
      return { title: "This invitation was already used", body: "Each invitation works once. Ask a mentor of the organization to send you a new one." };
    case "expired_link":
      return { title: "This invitation has expired", body: "Invitations work for 7 days. Ask a mentor of the organization to send you a new one." };
    case "wrong_account":
      return {
        title: "This invitation is for another account",
        body: `It was sent to ${invitedEmail}, and you are logged in as ${me.email}. Log out, open the invitation link again and log in with ${invitedEmail} — or, if there is no account with that address yet, first sign up as a mentor with it.`,
      };
    case "not_a_mentor":
      return {
        title: "Only mentor accounts can join an organization",
        body: `You are logged in with a ${me.role} account. Organizations are for mentors; ask the person who invited you to invite an address you can use for a mentor account.`,
      };
    case "already_member":
      return { title: "You are already a member", body: "You belong to this organization already — nothing more to do." };
    case "member_of_another":
      return {
        title: "You already belong to another organization",
        body: "A mentor belongs to one organization. To join this one, you would first need to leave yours; write to the Steppingstone team if you need to move.",
      };
  }
}

export default function JoinOrganizationPage() {
  const { token, described, me } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const invitation = described.ok ? described.invitation : null;
  const problem = actionData?.problem ?? (described.ok ? described.problem : described.error);

  if (!invitation) {
    const text = problemText(problem ?? "invalid_link", { me });
    return (
      <NarrowPage title="Join an organization">
        <div className="space-y-5">
          <Alert tone="error" title={text.title}>
            {text.body}
          </Alert>
          <ButtonLink to="/" variant="secondary" className="w-full">
            Go to the home page
          </ButtonLink>
        </div>
      </NarrowPage>
    );
  }

  const text = problem ? problemText(problem, { invitedEmail: invitation.email, me }) : null;
  return (
    <NarrowPage title={`Join ${invitation.organizationName}`}>
      <div className="space-y-5">
        <div className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
          <div className="flex flex-wrap items-center gap-2">
            <p className="text-lg font-semibold text-slate-900">{invitation.organizationName}</p>
            <VerifiedBadge verified={invitation.verified} />
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {invitation.inviterName ? `${invitation.inviterName} invited ${invitation.email}` : `An invitation for ${invitation.email}`} to join as a
            mentor. It works until {formatDateTime(invitation.expiresAt)}.
          </p>
        </div>
        {text ? (
          <Alert tone={problem === "already_member" ? "info" : "error"} title={text.title}>
            {text.body}
          </Alert>
        ) : (
          <Form method="post" className="space-y-3">
            <input type="hidden" name="token" value={token} />
            <p className="text-slate-700">
              As a mentor of {invitation.organizationName} you can post slots for it and review their applicants. You can belong to one
              organization.
            </p>
            <Button type="submit" className="w-full" disabled={navigation.state === "submitting"}>
              Join {invitation.organizationName}
            </Button>
          </Form>
        )}
        {problem === "already_member" ? (
          <ButtonLink to="/organization" className="w-full">
            Open my organization
          </ButtonLink>
        ) : problem === "wrong_account" ? (
          <Form method="post" action="/logout">
            <Button type="submit" variant="secondary" className="w-full">
              Log out
            </Button>
          </Form>
        ) : null}
        <p className="text-sm text-slate-600">
          Not what you expected? <Link to="/" className="font-semibold text-brand-700 hover:underline">Go to the home page</Link>; nothing changes
          unless you press the button.
        </p>
      </div>
    </NarrowPage>
  );
}
