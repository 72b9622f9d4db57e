import { GeneralErrorBoundary } from "~/components/error-boundary";

// Any address no other route claims: a 404 page with somewhere to go.
export async function loader() {
  throw new Response("Not found", { status: 404 });
}

export async function action() {
  throw new Response("Not found", { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
