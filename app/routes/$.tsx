import { GeneralErrorBoundary } from "~/components/error-boundary";
import { notFound } from "~/responses.server";

// Any address no other route claims: a 404 page with somewhere to go.
export async function loader() {
  throw notFound();
}

export async function action() {
  throw notFound();
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
