import { ButtonLink, Card } from "~/components/ui";

/** A mentor's organization page before they belong to one: create one, or ask to be invited. */
export function NoOrganization() {
  return (
    <div className="mx-auto max-w-3xl">
      <Card className="text-center">
        <div aria-hidden="true" className="mx-auto flex h-12 w-12 items-center justify-center rounded-full bg-brand-50 text-brand-700 ring-4 ring-brand-100">
          <svg viewBox="0 0 24 24" className="h-6 w-6 fill-none stroke-current" strokeWidth="1.75">
            <path d="M3 21h18M5 21V7l7-4 7 4v14M9 21v-5h6v5M9 10h.01M15 10h.01" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
        </div>
        <h1 className="mt-5 text-2xl font-bold tracking-tight text-slate-900">Set up your organization</h1>
        <p className="mx-auto mt-3 max-w-xl text-slate-600">
          Slots on Steppingstone belong to an organization — a startup, a nonprofit, a research team, a small business. Create
          yours to start posting mentored internships. An admin verifies each new organization, and verified ones carry a badge
          students trust.
        </p>
        <div className="mt-6 flex justify-center">
          <ButtonLink to="/organization/new">Create your organization</ButtonLink>
        </div>
        <div className="mx-auto mt-8 max-w-xl rounded-lg bg-slate-50 px-4 py-3 text-left text-sm text-slate-600 ring-1 ring-slate-200">
          <p className="font-semibold text-slate-800">Is your organization already here?</p>
          <p className="mt-1">
            Then ask one of its mentors to invite you from their organization page. You will get an email with a link to join — open it
            while logged in with this account. A mentor belongs to one organization.
          </p>
        </div>
      </Card>
    </div>
  );
}
