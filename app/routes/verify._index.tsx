import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { VerifyForm } from "~/components/documents/verify-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { NarrowPage } from "~/components/ui";
import { parseForm } from "~/forms/gate";
import { readQuery } from "~/forms/read.server";
import { parseVerificationCode, verifyPath } from "~/modules/documents/codes";
import { BAD_CODE, VerifyCodeSchema } from "~/modules/documents/schemas";

// Public: where a person types the verification code printed on a document. A well-formed code
// goes on to /verify/:code, which says whether the document is authentic.

export const meta: MetaFunction = () => [{ title: "Check a document · Steppingstone" }, { name: "robots", content: "noindex" }];
export const headers: HeadersFunction = () => ({ "X-Robots-Tag": "noindex" });

export async function loader({ request }: LoaderFunctionArgs) {
  const { params } = readQuery(request);
  if (!params.has("code")) return { lastResult: null };
  const submission = parseForm(params, { schema: VerifyCodeSchema });
  if (submission.status !== "success") return data({ lastResult: submission.reply() }, { status: 400 });
  const code = parseVerificationCode(submission.value.code);
  if (!code) return data({ lastResult: submission.reply({ fieldErrors: { code: [BAD_CODE] } }) }, { status: 400 });
  return redirect(verifyPath(code));
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function VerifyIndex() {
  const { lastResult } = useLoaderData<typeof loader>();
  return (
    <NarrowPage
      title="Check a document"
      description="Verification letters, certificates and recommendation letters issued through Steppingstone carry a code. Type it to check that the document is authentic."
    >
      <VerifyForm lastResult={lastResult} />
    </NarrowPage>
  );
}
