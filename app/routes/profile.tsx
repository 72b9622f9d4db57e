import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ProfileForm } from "~/components/profile/profile-form";
import { parseForm } from "~/forms/gate";
import { readForm, requireCleanForm } from "~/forms/read.server";
import { profileCompleteness } from "~/modules/profiles/completeness";
import { getStudentProfile, joinMatchingRounds, saveStudentProfile } from "~/modules/profiles/profiles.server";
import { ProfileSchema } from "~/modules/profiles/schemas";
import { timeZoneOptions } from "~/modules/profiles/time-zones";
import { unknownSkillErrors } from "~/modules/skills/schemas";
import { listSkills } from "~/modules/skills/skills.server";
import { notFound } from "~/responses.server";

export const meta: MetaFunction = () => [{ title: "My profile · Steppingstone" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "student");
  const db = getDb();
  const [profile, skills] = await Promise.all([getStudentProfile(db, user.id), listSkills(db)]);
  if (!profile) throw notFound();
  return {
    profile,
    completeness: profileCompleteness(profile),
    skills: skills.map((s) => ({ name: s.name, aliases: s.aliases })),
    timeZones: timeZoneOptions(),
    saved: new URL(request.url).searchParams.get("saved") === "1",
    joinedRounds: new URL(request.url).searchParams.get("rounds") === "1",
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "student");
  const formData = await readForm(request);
  // The completeness card's question: join the matching rounds, nothing else changes.
  if (formData.get("intent") === "join_rounds") {
    requireCleanForm(formData);
    if (!(await joinMatchingRounds(getDb(), user.id))) throw notFound();
    return redirect("/profile?rounds=1");
  }
  const submission = parseForm(formData, { schema: ProfileSchema });
  // why: a list button (add or remove a row) asks for the form back with the row changed; nothing is saved.
  if (submission.status === undefined) return { result: submission.reply() };
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const result = await saveStudentProfile(getDb(), user.id, submission.value);
  if (!result.ok) return data({ result: submission.reply({ fieldErrors: unknownSkillErrors("skills", result.rows) }) }, { status: 400 });
  return redirect("/profile?saved=1");
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function ProfilePage() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  // A successful save reloads the profile with a new updatedAt: the form starts again from it.
  // why: to the millisecond. String(date) keeps whole seconds, so joining the rounds within the
  // second of the last save kept the old form, its "Include me" box unticked (a journey met it).
  const { updatedAt } = loaderData.profile;
  return <ProfileForm key={updatedAt ? new Date(updatedAt).getTime() : "new"} {...loaderData} lastResult={actionData?.result} />;
}
