import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { VerifyForm } from "~/components/documents/verify-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/components/format";
import { Card } from "~/components/ui";
import { parseVerificationCode } from "~/modules/documents/codes";
import { midSentence } from "~/modules/documents/labels";
import { verifyCode, type VerifyResult } from "~/modules/documents/verify.server";

// Public (no account): whether the document with this code is authentic, for whom, from which
// organization, what kind, issued when — nothing else. Guessing is refused per client address
// (app/modules/documents/verify.server.ts): 429 with the time the block ends.

export const meta: MetaFunction = () => [{ title: "Check a document · Steppingstone" }, { name: "robots", content: "noindex" }];
export const headers: HeadersFunction = ({ loaderHeaders }) => ({ "X-Robots-Tag": "noindex", ...Object.fromEntries(loaderHeaders) });

const STATUS: Record<VerifyResult["state"], number> = { authentic: 200, revoked: 200, not_found: 404, throttled: 429 };

export async function loader({ params, context }: LoaderFunctionArgs) {
  const raw = params.code ?? "";
  const result = await verifyCode(getDb(), raw, { clientIp: context.clientIp });
  const headers: Record<string, string> = { "Cache-Control": "no-store" };
  if (result.state === "throttled") headers["Retry-After"] = String(Math.max(1, Math.ceil((Date.parse(result.until) - Date.now()) / 1000)));
  return data({ result, code: parseVerificationCode(raw) ?? raw.slice(0, 40) }, { status: STATUS[result.state], headers });
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

const day = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" });

export default function VerifyCode() {
  const { result, code } = useLoaderData<typeof loader>();
  return (
    <div className="mx-auto w-full max-w-xl">
      <p className="text-sm">
        <Link to="/verify" className="font-medium text-brand-700 hover:underline">
          ← Check another code
        </Link>
      </p>
      {result.state === "authentic" || result.state === "revoked" ? (
        <Card className="mt-4">
          <p className={`text-sm font-semibold ${result.state === "authentic" ? "text-emerald-700" : "text-red-700"}`}>
            {result.state === "authentic" ? "✓ Authentic" : "Revoked"}
          </p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">
            {result.state === "authentic" ? `This ${midSentence(result.kindLabel)} is authentic` : `This ${midSentence(result.kindLabel)} was revoked`}
          </h1>
          <p className="mt-2 text-slate-600">
            {result.state === "authentic"
              ? "It was issued through Steppingstone with this code. Compare what it says below with the document you hold."
              : `It was revoked on ${day.format(new Date(result.revokedAt))}: it is no longer valid.`}
          </p>
          <dl className="mt-5 divide-y divide-slate-100 text-sm">
            <Row label="Verification code">
              <span className="font-mono tracking-wide">{code}</span>
            </Row>
            <Row label="Document">{result.kindLabel}</Row>
            <Row label="For">{result.studentName}</Row>
            <Row label="From">{result.organizationName}</Row>
            <Row label="Issued">{day.format(new Date(result.issuedAt))}</Row>
          </dl>
          <p className="mt-5 text-xs text-slate-500">
            This page says only whose document it is, from which organization, what kind and when it was issued. For what it says, ask the person
            who gave it to you.
          </p>
        </Card>
      ) : result.state === "throttled" ? (
        <Card className="mt-4">
          <p className="text-sm font-semibold text-red-700">Error 429</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">Too many codes tried</h1>
          <p className="mt-2 text-slate-600">
            Too many codes that match no document were tried from your network, so checking is paused until {formatDateTime(result.until)}. Check
            the code against the document, and try again then.
          </p>
        </Card>
      ) : (
        <Card className="mt-4">
          <p className="text-sm font-semibold text-red-700">Not found</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight text-slate-900">No document has this code</h1>
          <p className="mt-2 text-slate-600">
            No document issued through Steppingstone has the code <span className="break-all font-mono">{code}</span>. Check that it was typed as
            printed at the foot of the document; if it was, the document was not issued by us.
          </p>
          <div className="mt-5 border-t border-slate-200 pt-5">
            <VerifyForm />
          </div>
        </Card>
      )}
    </div>
  );
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[9rem_minmax(0,1fr)] gap-3 py-2">
      <dt className="text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900">{children}</dd>
    </div>
  );
}
