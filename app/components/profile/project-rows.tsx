import { useState } from "react";
import { ErrorList, inputClass } from "~/components/forms";
import { useHydrated } from "~/components/use-hydrated";
import { MAX_PROJECTS } from "~/modules/profiles/schemas";

type ProjectRow = { title?: string; description?: string; url?: string } | undefined;

/**
 * The student's projects as rows of inputs named `projects[i].title|url|description`: the saved
 * ones and one empty row (without JavaScript), with an "Add another project" button once React runs.
 */
export function ProjectRows({ rows, errors, focus }: { rows: readonly ProjectRow[]; errors: Record<string, string[] | null | undefined>; focus: string | undefined }) {
  const hydrated = useHydrated();
  const [extraProjects, setExtraProjects] = useState(0);
  const projectCount = Math.min(MAX_PROJECTS, rows.length + 1 + extraProjects);
  return (
    <fieldset>
      <legend className="sr-only">Projects</legend>
      <ol className="space-y-5">
        {Array.from({ length: projectCount }, (_, i) => {
          const row = rows[i];
          const name = (f: string) => `projects[${i}].${f}`;
          const id = (f: string) => `profile-project-${i}-${f}`;
          const err = (f: string) => errors[name(f)];
          const aria = (f: string) => (err(f)?.length ? { "aria-invalid": true, "aria-describedby": `${id(f)}-error` } : {});
          return (
            <li key={i} className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
              <p className="text-sm font-semibold text-slate-900">Project {i + 1}</p>
              <div className="mt-3 grid gap-4 sm:grid-cols-2">
                <div>
                  <label htmlFor={id("title")} className="block text-sm font-medium text-slate-800">
                    Title of project {i + 1}
                  </label>
                  <input id={id("title")} name={name("title")} defaultValue={row?.title ?? ""} maxLength={120} autoFocus={focus === name("title")} {...aria("title")} className={`mt-1.5 ${inputClass}`} />
                  <ErrorList id={`${id("title")}-error`} errors={err("title")} />
                </div>
                <div>
                  <label htmlFor={id("url")} className="block text-sm font-medium text-slate-800">
                    Link to project {i + 1} <span className="font-normal text-slate-500">(optional)</span>
                  </label>
                  <input id={id("url")} name={name("url")} type="url" inputMode="url" placeholder="https://" defaultValue={row?.url ?? ""} autoFocus={focus === name("url")} {...aria("url")} className={`mt-1.5 ${inputClass}`} />
                  <ErrorList id={`${id("url")}-error`} errors={err("url")} />
                </div>
              </div>
              <div className="mt-4">
                <label htmlFor={id("description")} className="block text-sm font-medium text-slate-800">
                  What you did in project {i + 1}
                </label>
                <textarea id={id("description")} name={name("description")} rows={3} maxLength={2000} defaultValue={row?.description ?? ""} autoFocus={focus === name("description")} {...aria("description")} className={`mt-1.5 ${inputClass}`} />
                <ErrorList id={`${id("description")}-error`} errors={err("description")} />
              </div>
            </li>
          );
        })}
      </ol>
      <ErrorList id="profile-projects-error" errors={errors.projects} />
      <div className="mt-3 flex flex-wrap items-center gap-3">
        {hydrated && projectCount < MAX_PROJECTS ? (
          <button
            type="button"
            onClick={() => setExtraProjects((n) => n + 1)}
            className="rounded-md px-3 py-1.5 text-sm font-semibold text-brand-700 ring-1 ring-brand-200 hover:bg-brand-50"
          >
            + Add another project
          </button>
        ) : null}
        <p className="text-xs text-slate-500">To remove a project, empty its fields and save.</p>
      </div>
    </fieldset>
  );
}
