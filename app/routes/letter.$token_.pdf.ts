import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~db/client.server";
import { pdfResponse } from "~documents/render.server";
import { deliveredLetter, openDelivery, recordView } from "~/modules/letters/deliveries.server";
import { letterFileName, letterPdf } from "~/modules/letters/pdf.server";
import { deliveryPath } from "~/modules/letters/rules";

// Public: the letter's PDF for the recipient whose link this is (the token is the credential,
// its secret checked on every use). Each time a person's browser opens it is recorded. A wrong
// token is a 404; an expired link or a revoked letter a 410 that says so.

export async function loader({ request, params }: LoaderFunctionArgs) {
  const db = getDb();
  const token = params.token ?? "";
  const opened = await openDelivery(db, token);
  const back = deliveryPath(token);
  if (opened.state === "invalid") return new Response("This link is not valid. Open the email again and click its button.", { status: 404, headers: noStore });
  if (opened.state !== "open") {
    return new Response(
      opened.state === "revoked"
        ? `${opened.view.writerName} revoked this letter, so the link no longer opens it.`
        : `This link has expired. Ask ${opened.view.studentName} to send the letter again.\n\nMore at ${back}`,
      { status: 410, headers: noStore },
    );
  }
  const found = await deliveredLetter(db, opened.deliveryId);
  const pdf = found ? await letterPdf(found.letter, found.content) : null;
  if (!found || !pdf) return new Response("This letter can no longer be opened.", { status: 410, headers: noStore });
  await recordView(db, opened.deliveryId, { method: request.method, userAgent: request.headers.get("user-agent") });
  return pdfResponse(pdf, letterFileName(found.letter.student.name), { headers: { "X-Robots-Tag": "noindex" } });
}

const noStore = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store", "X-Robots-Tag": "noindex" };
