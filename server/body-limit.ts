import type { NextFunction, Request, Response } from "express";
import { MAX_FORM_BYTES } from "~/forms/read.server";
import { LETTER_UPLOAD_BODY_BYTES, LETTER_UPLOAD_PATH } from "~/modules/letters/rules";

/** The largest body a request to `path` may declare: a form's, or on a letter's page, an uploaded PDF's. */
export function bodyLimitFor(path: string) {
  return LETTER_UPLOAD_PATH.test(path) ? LETTER_UPLOAD_BODY_BYTES : MAX_FORM_BYTES;
}

/**
 * Refuses a request whose declared body is larger than any of our forms sends, before anything
 * reads it. Answered here rather than in the route: the body is left unread, so the connection is
 * closed with the answer (a response from Remix cannot close it, and the client's next request on
 * it would be reset).
 */
export function bodyLimit() {
  return (req: Request, res: Response, next: NextFunction) => {
    // why: a body sent in chunks declares no length, so nothing above could weigh it; browsers
    // always say how long a form is, so only a hand-made request is refused here.
    if (req.get("Transfer-Encoding") && req.get("Content-Length") === undefined && !["GET", "HEAD", "OPTIONS"].includes(req.method)) {
      res.status(411).set("Connection", "close").type("text/plain").send("Say how long the request is (Content-Length). Nothing was changed.");
      return;
    }
    if (Number(req.get("Content-Length") ?? 0) <= bodyLimitFor(req.path)) return next();
    res
      .status(413)
      .set("Connection", "close")
      .type("text/plain")
      .send("This form is larger than Steppingstone accepts. Shorten what you entered and try again. Nothing was changed.");
  };
}
