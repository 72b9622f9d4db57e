import type { HeadersFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useLoaderData, useParams } from "@remix-run/react";
import { getDb } from "~db/client.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/components/format";
import { buttonClass, NarrowPage } from "~/components/ui";
import { verifyPath } from "~/modules/documents/codes";
import { openDelivery, type RecipientView } from "~/modules/letters/deliveries.server";
import { DELIVERY_LINK_DAYS, deliveryPath } from "~/modules/letters/rules";

// Public: a recipient's link to a recommendation letter (from the email the student had us send).
// The token is the credential, its secret checked on every use; no account needed. The page says
// who the letter is for and from whom, and opens the PDF (letter.$token_.pdf.ts, where each view
// is recorded). A wrong token is a 404; an expired link or a revoked letter says so (410).

export const meta: MetaFunction = () => [
  { title: "Recommendation letter · Steppingstone" },
  { name: "robots", content: "noindex" },
  // why: the address carries the recipient's credential; no link on the page may hand it on.
  { name: "referrer", content: "no-referrer" },
];

// why: Remix sends a loader's headers with the document only through this export. The security
// headers (CSP, HSTS, framing) are set on every response by server/security.ts, outside Remix, so
// answering with the loader's headers alone drops none of them; no parent route has headers of its own.
export const headers: HeadersFunction = ({ loaderHeaders }) => loaderHeaders;

type Page = { state: "invalid" } | { state: "expired" | "revoked" | "open"; view: RecipientView };

export async function loader({ params }: LoaderFunctionArgs) {
  const opened = await openDelivery(getDb(), params.token ?? "");
  // why: Referrer-Policy: no-referrer comes from server/security.ts, for every /letter/ address.
  const headers = { "Cache-Control": "private, no-store" };
  if (opened.state === "invalid") return data<Page>({ state: "invalid" }, { status: 404, headers });
  return data<Page>({ state: opened.state, view: opened.view }, { status: opened.state === "open" ? 200 : 410, headers });
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

export default function RecipientLetterPage() {
  const page = useLoaderData<typeof loader>() as Page;
  const token = useParams().token ?? "";
  if (page.state === "invalid") {
    return (
      <NarrowPage title="This link is not valid">
        <p className="text-slate-700">
          We could not find the letter this link belongs to. It may have been copied only in part: open the email again and click its button.
        </p>
      </NarrowPage>
    );
  }
  const { view } = page;
  const from = `${view.writerName}${view.writerTitle ? `, ${view.writerTitle}` : ""}, ${view.organizationName}`;
  if (page.state === "revoked") {
    return (
      <NarrowPage title="This letter was revoked" description={`A recommendation letter for ${view.studentName}.`}>
        <p className="text-slate-700">
          {view.writerName} revoked this letter, so the link no longer opens it. If you still need a letter, ask {view.studentName}.
        </p>
      </NarrowPage>
    );
  }
  if (page.state === "expired") {
    return (
      <NarrowPage title="This link has expired" description={`A recommendation letter for ${view.studentName}, from ${from}.`}>
        <p className="text-slate-700">
          Links to a letter work for {DELIVERY_LINK_DAYS} days; this one stopped on {formatDateTime(view.expiresAt)}. Ask {view.studentName} to send the letter
          again: you will get a new link.
        </p>
      </NarrowPage>
    );
  }
  return (
    <div className="mx-auto w-full max-w-xl">
      <p className="text-center text-sm font-semibold uppercase tracking-wide text-brand-700">Recommendation letter</p>
      <h1 className="mt-2 text-center text-2xl font-bold tracking-tight text-slate-900">For {view.studentName}</h1>
      <p className="mt-2 text-center text-slate-600">From {from}</p>
      <section className="mt-8 space-y-5 rounded-xl bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8">
        <p className="text-slate-700">
          Dear {view.recipientName}, {view.studentName} had this letter sent to you on {formatDateTime(view.sentAt)}. It is for {view.purpose}. {view.writerName}{" "}
          mentored {view.studentName} in an internship arranged through Steppingstone.
        </p>
        {view.message ? (
          <div>
            <p className="text-sm font-medium text-slate-800">{view.studentName}'s message</p>
            <blockquote className="mt-1 whitespace-pre-line border-l-4 border-slate-200 pl-3 text-slate-700">{view.message}</blockquote>
          </div>
        ) : null}
        {view.waived ? <p className="text-sm text-slate-700">The letter is confidential: {view.studentName} waived the right to read it and has not seen it.</p> : null}
        <a href={`${deliveryPath(token)}/pdf`} className={buttonClass("primary", "w-full")}>
          Open the letter (PDF)
        </a>
        <p className="text-xs text-slate-500">
          This link is yours alone and works until {formatDateTime(view.expiresAt)}. Each time it is opened is recorded, and {view.studentName} sees whether it was.
          {view.verificationCode ? (
            <>
              {" "}
              Each page carries the verification code {view.verificationCode}; anyone can check it at{" "}
              <Link to={verifyPath(view.verificationCode)} className="font-semibold text-brand-700 hover:underline">
                {verifyPath(view.verificationCode)}
              </Link>
              .
            </>
          ) : null}
        </p>
      </section>
    </div>
  );
}

