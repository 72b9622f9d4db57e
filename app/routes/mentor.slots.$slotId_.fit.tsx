import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/components/format";
import { Alert, Button, Card } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { SKILL_LEVEL_LABELS } from "~/domain/labels";
import { inviteToApply, studentsWhoFit } from "~/modules/recommendations/recommendations.server";
import { InviteSchema } from "~/modules/recommendations/schemas";
import { FitLines } from "~/components/slots/fit-lines";
import { RankedCard, ReasonList } from "~/components/slots/ranked-card";
import { SlotListHeader } from "~/components/slots/slot-list-header";
import { ScoreBadge } from "~/components/slots/slot-summary";
import { NOT_FROM_OUR_PAGES } from "~/forms/gate";
import { readGatedForm } from "~/forms/read.server";
import { notFound } from "~/responses.server";

// why: `$slotId_` — this page stands on its own, not inside the slot page's layout (which has no outlet).

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `Students who fit · ${data?.fit.slot.title ?? "Slot"} · Steppingstone` }];

// why: a slot of another organization is "not found", never "forbidden" — its existence is not theirs to learn.

const STUDENTS_SHOWN = 20;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const fit = await studentsWhoFit(getDb(), user.id, params.slotId ?? "", { k: STUDENTS_SHOWN });
  if (!fit) throw notFound();
  const invited = new URL(request.url).searchParams.get("invited");
  return { fit, invitedName: fit.students.find((s) => s.id === invited)?.name ?? null };
}

const REFUSALS = {
  not_open: "This slot no longer takes applications, so nobody can be invited to it.",
  student_not_found: "This student is not among the students who fit this slot (their profile or their choices may have changed since the page loaded).",
  already_invited: "This student was already invited to apply to this slot.",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const slotId = params.slotId ?? "";
  const parsed = InviteSchema.safeParse(Object.fromEntries(await readGatedForm(request)));
  if (!parsed.success) throw new Response(NOT_FROM_OUR_PAGES, { status: 400 });
  const result = await inviteToApply(getDb(), user.id, slotId, parsed.data.studentId, { k: STUDENTS_SHOWN });
  if (result.ok) return redirect(`/mentor/slots/${slotId}/fit?invited=${parsed.data.studentId}`);
  if (result.error === "not_found") throw notFound();
  return data({ error: REFUSALS[result.error] }, { status: result.error === "student_not_found" ? 404 : 409 });
}

export default function StudentsWhoFitPage() {
  const { fit, invitedName } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { slot, students } = fit;

  return (
    <div>
      <SlotListHeader
        slot={slot}
        title="Students who fit"
        description={`The students who fit “${slot.title}” best, among those who joined matching rounds and let verified mentors see their profile — eligible for the slot by its rules, with the reasons.`}
      />
      <div className="mb-6 space-y-3">
        {invitedName ? <Alert tone="success">Invitation sent to {invitedName}. They get an email with the slot and why they fit.</Alert> : null}
        {actionData?.error ? <Alert tone="error">{actionData.error}</Alert> : null}
        {!slot.open ? <Alert tone="info">Invitations are possible while the slot is open and taking applications.</Alert> : null}
        <p className="text-sm text-slate-600">
          A student&apos;s work-authorization status is shown only when they chose to share it; otherwise you know only that it fits this slot.
        </p>
      </div>

      {!slot.organizationVerified ? (
        <Card className="text-center">
          <h2 className="text-lg font-semibold text-slate-900">Students who fit appear once your organization is verified</h2>
          <p className="mx-auto mt-2 max-w-lg text-slate-600">
            Students choose to be seen by verified mentors only. An admin verifies new organizations, usually within a few days; students can already
            find and apply to your open slots.
          </p>
        </Card>
      ) : students.length === 0 ? (
        <Card className="text-center">
          <h2 className="text-lg font-semibold text-slate-900">No student fits this slot yet</h2>
          <p className="mx-auto mt-2 max-w-lg text-slate-600">
            Students appear here once they join matching rounds with a complete profile that the slot&apos;s rules allow — skills, dates, hours, pay and
            work authorization — and let verified mentors see their profile. Check back as students join.
          </p>
        </Card>
      ) : (
        <ol className="space-y-4">
          {students.map((student) => (
            <RankedCard
              key={student.id}
              label={student.name}
              badge={<ScoreBadge score={student.score} />}
              actions={
                student.invitedAt ? (
                  <Button type="button" variant="secondary" disabled>
                    Invited on {formatDateTime(student.invitedAt)}
                  </Button>
                ) : (
                  <InviteForm student={student} open={slot.open} />
                )
              }
            >
              <h2 className="text-base font-semibold text-slate-900">
                <Link to={`/students/${student.id}`} className="hover:text-brand-700 hover:underline">
                  {student.name}
                </Link>
              </h2>
              <p className="mt-0.5 text-sm text-slate-600">{[student.program, student.school].filter(Boolean).join(" · ")}</p>
              {student.skills.length ? (
                <ul aria-label="Skills" className="mt-2 flex flex-wrap gap-1.5">
                  {student.skills.map((skill) => (
                    <li
                      key={skill.name}
                      title={SKILL_LEVEL_LABELS[skill.level as 1 | 2 | 3 | 4]}
                      className="inline-flex items-center gap-1 rounded-md bg-slate-50 px-2 py-0.5 text-xs text-slate-700 ring-1 ring-slate-200"
                    >
                      <span className="font-medium">{skill.name}</span>
                      <span className="text-slate-500">· {skill.level}</span>
                    </li>
                  ))}
                </ul>
              ) : null}
              <h3 className="sr-only">Why they fit</h3>
              <ReasonList reasons={student.reasons} />
              <FitLines lines={student.fit} className="mt-3 space-y-0.5" />
            </RankedCard>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Invite one student; only this student's button waits while the invitation is sent. */
function InviteForm({ student, open }: { student: { id: string; name: string }; open: boolean }) {
  const pending = useIsPending({ fields: { studentId: student.id } });
  return (
    <Form method="post">
      <input type="hidden" name="studentId" value={student.id} />
      <Button type="submit" disabled={!open || pending} aria-label={`Invite ${student.name} to apply`}>
        Invite to apply
      </Button>
    </Form>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
