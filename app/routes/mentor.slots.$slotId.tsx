import { entryFor, parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/components/format";
import { SlotDetails, SlotStatusBadge } from "~/components/slot-details";
import { SlotForm, slotFormDefaults, SlotPageHeader } from "~/components/slot-form";
import { Alert, Button, ButtonLink } from "~/components/ui";
import { useIsPending } from "~/components/use-is-pending";
import { listSkills } from "~/modules/skills/skills.server";
import { SaveIntentSchema, slotSchemaFor, SlotOutcomeSchema, WithdrawSlotSchema } from "~/modules/slots/schemas";
import { countApplicants } from "~/modules/applications/applications.server";
import { endSlot, getOwnSlot, saveSlot, todayOf, withdrawSlot } from "~/modules/slots/slots.server";
import { findOwnSlot } from "~/modules/slots/access.server";
import { submitted } from "~/modules/slots/submitted";
import { readForm, requireCleanForm } from "~/forms/read.server";
import { ENDED_SLOT_STATUSES, isIn, PUBLISHED_SLOT_STATUSES } from "~/domain/vocabulary";
import { SLOT_STATUS_LABELS } from "~/domain/labels";
import { notFound } from "~/responses.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.own.slot.title ?? "Slot"} · Your slots · Steppingstone` }];

const NOTICES: Record<string, { tone: "success" | "info"; text: string }> = {
  saved: { tone: "success", text: "Saved as a draft. Students cannot see it until you submit it." },
  submitted: { tone: "info", text: "Submitted. An admin reviews it before it opens; you will get an email either way." },
  published: { tone: "success", text: "Your slot is open: students can find it now." },
  closed: { tone: "info", text: "Closed: the slot no longer takes applications." },
  filled: { tone: "success", text: "Marked filled. Congratulations on your new intern." },
  withdrawn: { tone: "info", text: "Taken back from the review queue: it is a draft again. Change it, then choose “Save and submit” when it is ready." },
};

// why: a slot of another organization is "not found", never "forbidden" — its existence is not theirs to learn.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const db = getDb();
  const own = await getOwnSlot(db, { userId: user.id, slotId: params.slotId ?? "" });
  if (!own) throw notFound();
  const notice = entryFor(NOTICES, new URL(request.url).searchParams.get("notice"));
  return {
    own,
    skills: own.slot.status === "draft" ? await listSkills(db) : [],
    today: todayOf(new Date()),
    notice,
    applicantCount: (await countApplicants(db, user.id, own.slot.id)) ?? 0, // Applications
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const db = getDb();
  const slotId = params.slotId ?? "";
  if (!(await findOwnSlot(db, { userId: user.id, slotId }))) throw notFound();
  const formData = await readForm(request);
  const now = new Date();

  if (WithdrawSlotSchema.safeParse({ intent: formData.get("intent") }).success) {
    requireCleanForm(formData);
    const result = await withdrawSlot(db, { userId: user.id, slotId, now });
    if (!result.ok) return data({ result: null, outcomeError: "Only a slot waiting for review can be taken back: an admin may have just decided on it." }, { status: 409 });
    return redirect(`/mentor/slots/${slotId}?notice=withdrawn`);
  }
  const outcome = SlotOutcomeSchema.safeParse({ intent: formData.get("intent") });
  if (outcome.success) {
    requireCleanForm(formData);
    const ended = outcome.data.intent === "close" ? "closed" : "filled";
    const result = await endSlot(db, { userId: user.id, slotId, outcome: ended, now });
    if (!result.ok) return data({ result: null, outcomeError: "Only an open slot can be closed or marked filled." }, { status: 409 });
    return redirect(`/mentor/slots/${slotId}?notice=${ended}`);
  }

  const saveIntent = SaveIntentSchema.safeParse({ intent: formData.get("intent") ?? undefined });
  const submission = parseForm(formData, { schema: slotSchemaFor(saveIntent.success ? saveIntent.data.intent : "save", { today: todayOf(now) }) });
  // why: a list button (add or remove a skill row) asks for the form back with the row changed; nothing is saved.
  if (submission.status === undefined) return { result: submission.reply(), outcomeError: null };
  // An intent our buttons never send: refused with a message, nothing saved.
  if (!saveIntent.success) return data({ result: submission.reply({ formErrors: ["Use “Save draft” or “Save and submit” to save the slot."] }), outcomeError: null }, { status: 400 });
  const { intent } = saveIntent.data;
  if (submission.status !== "success") return data({ result: submission.reply(), outcomeError: null }, { status: 400 });
  const result = await saveSlot(db, { userId: user.id, slotId, input: submission.value, submit: intent === "submit", now });
  if (!result.ok) {
    if (result.error === "invalid") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }), outcomeError: null }, { status: 400 });
    if (result.error === "not_found" || result.error === "no_organization") throw notFound();
    return data(
      { result: submission.reply({ formErrors: ["This slot is no longer a draft, so it cannot be edited. Reload the page to see where it is."] }), outcomeError: null },
      { status: 409 },
    );
  }
  const notice = result.status === "draft" ? "saved" : result.status === "open" ? "published" : "submitted";
  return redirect(`/mentor/slots/${slotId}?notice=${notice}`);
}

export default function MentorSlotPage() {
  const { own, skills, today, notice, applicantCount } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { slot, organization } = own;
  const sentBack = slot.status === "draft" && slot.reviewNote !== null;
  const busy = useIsPending();

  return (
    <div>
      <SlotPageHeader title={slot.title} lead={<SlotStatusBadge status={slot.status} sentBack={sentBack} />} organization={organization}>
        {slot.status === "open" ? (
          <ButtonLink to={`/slots/${slot.id}`} variant="secondary">
            See it as students do
          </ButtonLink>
        ) : null}
      </SlotPageHeader>
      {/* Recommendations: the students who fit this slot, to invite */}
      {slot.status === "open" ? (
        <p className="-mt-4 mb-6 text-sm">
          <Link to={`/mentor/slots/${slot.id}/fit`} className="font-semibold text-brand-700 hover:underline">
            Students who fit this slot →
          </Link>
        </p>
      ) : null}
      {/* Applications: the slot's applicants, ranked */}
      {isIn(PUBLISHED_SLOT_STATUSES, slot.status) ? (
        <p className="-mt-4 mb-6 text-sm">
          <Link to={`/mentor/slots/${slot.id}/applicants`} className="font-semibold text-brand-700 hover:underline">
            Applicants ({applicantCount}) →
          </Link>
        </p>
      ) : null}

      <div className="mb-6 space-y-3">
        {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
        {actionData?.outcomeError ? <Alert tone="error">{actionData.outcomeError}</Alert> : null}
        {sentBack ? (
          <Alert tone="warning" title={`Sent back by an admin${slot.reviewedAt ? ` on ${formatDateTime(slot.reviewedAt)}` : ""}`}>
            <p className="whitespace-pre-line">{slot.reviewNote}</p>
            <p className="mt-1">Change the slot below, then choose “Save and submit” to send it back to the review queue.</p>
          </Alert>
        ) : null}
        {own.warnings.length ? (
          <Alert tone="info" title="Worth a second look (these do not stop the slot)">
            <ul className="list-disc space-y-0.5 pl-5">
              {own.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </Alert>
        ) : null}
        {slot.status === "pending_review" ? (
          <Alert tone="info" title={SLOT_STATUS_LABELS.pending_review}>
            Submitted {slot.submittedAt ? formatDateTime(slot.submittedAt) : ""}. An admin checks it before it opens — every unpaid slot, and every slot of an
            organization not yet verified. It cannot be edited meanwhile; if it needs changes, it comes back to you with a note. To change it yourself first,
            take it back to a draft and submit it again when it is ready.
            <Form method="post" className="mt-3">
              <Button type="submit" name="intent" value="withdraw" variant="secondary" disabled={busy}>
                Take it back to a draft
              </Button>
            </Form>
          </Alert>
        ) : null}
        {isIn(ENDED_SLOT_STATUSES, slot.status) ? (
          <Alert tone="info">{slot.status === "filled" ? "This slot is filled." : "This slot is closed."} Students no longer see it.</Alert>
        ) : null}
      </div>

      {slot.status === "draft" ? (
        <SlotForm
          id="slot-form"
          today={today}
          lastResult={actionData?.result}
          defaultValue={slotFormDefaults(own)}
          mentors={own.organizationMentors}
          skills={skills}
          organizationVerified={organization.verifiedAt !== null}
          saveLabel="Save changes"
        />
      ) : (
        <SlotDetails
          slot={submitted(slot)}
          organization={organization}
          skills={own.skills}
          mentors={own.mentors}
          aside={
            slot.status === "open" ? (
              <div className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
                <h2 className="text-sm font-semibold text-slate-900">Manage this slot</h2>
                <p className="mt-1 text-sm text-slate-600">Mark it filled when every seat is taken, or close it to stop taking applications. Either takes it off the public list.</p>
                <div className="mt-4 flex flex-wrap gap-2">
                  <Form method="post">
                    <Button type="submit" name="intent" value="fill" disabled={busy}>
                      Mark filled
                    </Button>
                  </Form>
                  <Form method="post">
                    <Button type="submit" name="intent" value="close" variant="danger" disabled={busy}>
                      Close applications
                    </Button>
                  </Form>
                </div>
              </div>
            ) : null
          }
        />
      )}
    </div>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
