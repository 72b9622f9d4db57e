import type { FieldMetadata } from "@conform-to/react";
import { Field, ListRows, RemoveRowButton, TextareaField } from "~/components/forms";
import { MAX_PROJECTS } from "~/modules/profiles/schemas";

type ListRowsProps = Parameters<typeof ListRows>[0];

/**
 * The student's projects, rows of `projects[i].title|url|description` added and removed through
 * Conform's list intents (ListRows), so "Add another project" and "Remove" work without JavaScript.
 */
export function ProjectRows({ form, field, lastResult }: Pick<ListRowsProps, "form" | "field" | "lastResult">) {
  return (
    <ListRows form={form} field={field} legend="Projects" addLabel="+ Add another project" max={MAX_PROJECTS} lastResult={lastResult} className="space-y-5">
      {(row, i) => <ProjectRow row={row} index={i} />}
    </ListRows>
  );
}

function ProjectRow({ row, index }: { row: FieldMetadata<Record<string, unknown>>; index: number }) {
  const project = row.getFieldset() as Record<"title" | "url" | "description", FieldMetadata<string | undefined>>;
  const n = index + 1;
  return (
    <div className="rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm font-semibold text-slate-900">Project {n}</p>
        <RemoveRowButton index={index} label={`Remove project ${n}`} />
      </div>
      <div className="mt-3 grid gap-4 sm:grid-cols-2">
        <Field field={project.title} label={`Title of project ${n}`} maxLength={120} />
        <Field
          field={project.url}
          label={
            <>
              Link to project {n} <span className="font-normal text-slate-500">(optional)</span>
            </>
          }
          type="url"
          inputMode="url"
          placeholder="https://"
        />
      </div>
      <div className="mt-4">
        <TextareaField field={project.description} label={`What you did in project ${n}`} rows={3} maxLength={2000} />
      </div>
    </div>
  );
}
