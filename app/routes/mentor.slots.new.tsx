import { parseForm } from "~/forms/gate";
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { SlotForm, SlotPageHeader } from "~/components/slot-form";
import { ButtonLink, Card, PageHeader } from "~/components/ui";
import { listSkills } from "~/modules/skills/skills.server";
import { SaveIntentSchema, slotSchemaFor } from "~/modules/slots/schemas";
import { getNewSlotContext, saveSlot, todayOf } from "~/modules/slots/slots.server";
import { readForm } from "~/forms/read.server";

export const meta: MetaFunction = () => [{ title: "Post a slot · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const db = getDb();
  const [context, skills] = await Promise.all([getNewSlotContext(db, user.id), listSkills(db)]);
  return { context, skills, userId: user.id, today: todayOf(new Date()) };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "mentor");
  const formData = await readForm(request);
  const now = new Date();
  const saveIntent = SaveIntentSchema.safeParse({ intent: formData.get("intent") ?? undefined });
  const submission = parseForm(formData, { schema: slotSchemaFor(saveIntent.success ? saveIntent.data.intent : "save", { today: todayOf(now) }) });
  // why: a list button (add or remove a skill row) asks for the form back with the row changed; nothing is saved.
  if (submission.status === undefined) return { result: submission.reply() };
  // An intent our buttons never send: refused with a message, nothing saved.
  if (!saveIntent.success) return data({ result: submission.reply({ formErrors: ["Use “Save draft” or “Save and submit” to save the slot."] }) }, { status: 400 });
  const { intent } = saveIntent.data;
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });

  const result = await saveSlot(getDb(), { userId: user.id, input: submission.value, submit: intent === "submit", now });
  if (!result.ok) {
    if (result.error === "invalid") return data({ result: submission.reply({ fieldErrors: result.fieldErrors }) }, { status: 400 });
    return data({ result: submission.reply({ formErrors: ["You are not a member of an organization any more: create or join one first."] }) }, { status: 409 });
  }
  const notice = result.status === "draft" ? "saved" : result.status === "open" ? "published" : "submitted";
  return redirect(`/mentor/slots/${result.slotId}?notice=${notice}`);
}

export default function NewSlotPage() {
  const { context, skills, userId, today } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();

  if (!context) {
    return (
      <div>
        <PageHeader title="Post a slot" />
        <Card className="text-center">
          <h2 className="text-lg font-semibold text-slate-900">Create your organization first</h2>
          <p className="mx-auto mt-2 max-w-lg text-slate-600">
            A slot belongs to an organization, so students know who they would work with. Create yours, or ask a colleague to invite you to theirs.
          </p>
          <div className="mt-6 flex justify-center gap-3">
            <ButtonLink to="/organization/new">Create an organization</ButtonLink>
            <ButtonLink to="/mentor/slots" variant="secondary">
              Back to your slots
            </ButtonLink>
          </div>
        </Card>
      </div>
    );
  }

  const { organization, mentors } = context;
  return (
    <div>
      <SlotPageHeader title="Post a slot" lead="For " organization={organization} />
      <SlotForm
        id="slot-form"
        today={today}
        lastResult={actionData?.result}
        defaultValue={{
          mentorIds: [userId],
          country: organization.country,
          city: organization.city ?? "",
          currency: organization.country === "CA" ? "CAD" : "USD",
          seats: "1",
          questions: ["", "", ""],
        }}
        mentors={mentors}
        skills={skills}
        organizationVerified={organization.verifiedAt !== null}
        saveLabel="Save draft"
      />
    </div>
  );
}
