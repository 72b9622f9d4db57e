import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { clearedSessionCookie } from "~/auth/cookie.server";
import { getAuth } from "~/auth/guards.server";
import { invalidateSession } from "~/auth/session.server";
import { Button, ButtonLink, NarrowPage } from "~/components/ui";

export const meta: MetaFunction = () => [{ title: "Log out · Steppingstone" }];

// GET only asks: logging out on a GET would let any page log a visitor out.
export async function loader({ request }: LoaderFunctionArgs) {
  const auth = await getAuth(request);
  return { signedIn: Boolean(auth) };
}

export async function action({ request }: ActionFunctionArgs) {
  const auth = await getAuth(request);
  if (auth) await invalidateSession(getDb(), auth.sessionId);
  return redirect("/", { headers: { "Set-Cookie": clearedSessionCookie() } });
}

export default function LogoutPage() {
  const { signedIn } = useLoaderData<typeof loader>();
  return (
    <NarrowPage title={signedIn ? "Log out of Steppingstone?" : "You are logged out"}>
      {signedIn ? (
        <Form method="post" className="space-y-3">
          <Button type="submit" className="w-full">
            Log out
          </Button>
          <ButtonLink to="/" variant="secondary" className="w-full">
            Stay logged in
          </ButtonLink>
        </Form>
      ) : (
        <ButtonLink to="/login" className="w-full">
          Log in again
        </ButtonLink>
      )}
    </NarrowPage>
  );
}
