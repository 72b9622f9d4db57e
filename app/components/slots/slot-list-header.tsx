import { Link } from "@remix-run/react";
import { PageHeader } from "~/components/ui";

/** The top of a page that lists students for one of the mentor's slots (its applicants, the students who fit): the way back to the slot, then the page's title. */
export function SlotListHeader({ slot, title, description }: { slot: { id: string; title: string }; title: string; description: string }) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link to={`/mentor/slots/${slot.id}`} className="font-medium text-brand-700 hover:underline">
          ← {slot.title}
        </Link>
      </p>
      <PageHeader title={title} description={description} />
    </>
  );
}
