import type { NextFunction, Request, Response } from "express";
import { MAX_FORM_BYTES } from "~/forms/read.server";
import { LETTER_UPLOAD_BODY_BYTES, LETTER_UPLOAD_PATH } from "~/modules/letters/rules";

/** The largest body a request to `path` may declare: a form's, or on a letter's page, an uploaded PDF's. */
export function bodyLimitFor(path: string) {
  return LETTER_UPLOAD_PATH.test(path) ? LETTER_UPLOAD_BODY_BYTES : MAX_FORM_BYTES;
}

/**
 * How much of a refused body is read (and dropped) before the answer, and for how long. A client
 * — a browser too — writes its whole body before it reads the answer; a server that answers and
 * closes while the body is still arriving makes the client's writes fail (EPIPE, "connection
 * reset") and the person sees a network error instead of our message. So a refused body is read
 * to its end first, up to these bounds; past them the answer goes at once and the connection is
 * closed under whoever is still sending.
 */
export const REFUSED_BODY_READ_BYTES = 8 * 1024 * 1024;
export const REFUSED_BODY_READ_MS = 10_000;

/**
 * Refuses a request whose declared body is larger than any of our forms sends, before anything
 * parses it. Answered here rather than in the route, with the connection closed after the answer
 * (a response from Remix cannot close it, and the client's next request on it would be reset).
 */
export function bodyLimit() {
  return (req: Request, res: Response, next: NextFunction) => {
    // why: a body sent in chunks declares no length, so nothing above could weigh it; browsers
    // always say how long a form is, so only a hand-made request is refused here.
    if (req.get("Transfer-Encoding") && req.get("Content-Length") === undefined && !["GET", "HEAD", "OPTIONS"].includes(req.method)) {
      refuseAfterReading(req, res, 411, "Say how long the request is (Content-Length). Nothing was changed.");
      return;
    }
    if (Number(req.get("Content-Length") ?? 0) <= bodyLimitFor(req.path)) return next();
    refuseAfterReading(req, res, 413, "This form is larger than Steppingstone accepts. Shorten what you entered and try again. Nothing was changed.");
  };
}

/** Reads and drops the body (within the bounds above), then answers `status` and closes the connection. */
function refuseAfterReading(req: Request, res: Response, status: number, text: string) {
  let read = 0;
  let done = false;
  const finish = (answer: boolean) => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    req.off("data", onData);
    if (answer) res.status(status).set("Connection", "close").type("text/plain").send(text);
  };
  const onData = (chunk: Buffer) => {
    read += chunk.length;
    if (read > REFUSED_BODY_READ_BYTES) finish(true);
  };
  const timer = setTimeout(() => finish(true), REFUSED_BODY_READ_MS);
  req.on("data", onData);
  req.once("end", () => finish(true));
  // why: a client that gives up mid-body has nobody left to answer.
  req.once("close", () => finish(req.complete));
  req.once("error", () => finish(false));
}
