import type { ReactNode } from "react";
import { ChoiceGroup } from "~/components/forms";
import { Card } from "~/components/ui";

// The building blocks of the student's profile form (app/routes/profile.tsx).

/** One titled part of the profile form, a target of the page's section links. */
export function Section({ id, title, description, children }: { id: string; title: string; description?: ReactNode; children: ReactNode }) {
  return (
    <Card className="scroll-mt-6">
      <section id={id} aria-labelledby={`${id}-title`}>
        <h2 id={`${id}-title`} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
        <div className="mt-6 space-y-5">{children}</div>
      </section>
    </Card>
  );
}

/** The profile's choices are tiles, described as a group (the fieldset carries the hint and errors). */
export function Choices(props: Omit<Parameters<typeof ChoiceGroup>[0], "look" | "columns" | "describeOptions">) {
  return <ChoiceGroup {...props} look="tiles" columns="sm:grid-cols-2 lg:grid-cols-3" describeOptions={false} />;
}
