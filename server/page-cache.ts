import type { NextFunction, Request, Response } from "express";

/**
 * The public pages whose answer is the same for everyone signed out: the slot list (any search)
 * and a slot's page, as documents and as the data a client-side navigation asks for.
 */
export const SHARED_PAGE_PATH = /^\/slots(?:\/[^/.]+)?(?:\.data)?$/;

/** Headers of a stored answer that a hit repeats: what Remix says the body is. The rest are this request's own. */
const REPEATED_HEADER = /^(content-type|cache-control|x-remix-[a-z-]+)$/;

const MAX_ENTRIES = 500;
const MAX_BODY_BYTES = 1_000_000;

/** A stored answer; its body cut where its render's nonce stood, so a hit joins it with its own. */
type Stored = { expires: number; headers: [string, string][]; parts: Buffer[] };

function cutAt(body: Buffer, nonce: string): Buffer[] {
  if (!nonce) return [body];
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = body.indexOf(nonce, 0, "utf8"); at !== -1; at = body.indexOf(nonce, from, "utf8")) {
    parts.push(body.subarray(from, at));
    from = at + Buffer.byteLength(nonce);
  }
  parts.push(body.subarray(from));
  return parts;
}

/**
 * A few seconds' memory of the public pages as a signed-out visitor gets them, shared by every
 * signed-out visitor. why: such a page costs the server ~20–30 ms of rendering whatever its
 * queries cost, the same for everyone, and these are the pages a crowd opens at once; one render
 * then answers the crowd. A request with any cookie is never answered from here nor stored (a
 * signed-in person's page says who they are; a stale cookie may be cleared by the answer).
 *
 * Each answer carries this request's own CSP nonce: the stored page's nonce is replaced, so no
 * two responses share one. Any request that may change data (anything but GET and HEAD) empties
 * the memory when it ends, so what a person changes here shows at once; a change this process
 * did not make (another process, a deadline passing) shows within `seconds`. Concurrent misses
 * for one address wait for the first one's render.
 */
export function pageCache({ seconds }: { seconds: number }) {
  const stored = new Map<string, Stored>();
  const rendering = new Map<string, Promise<Stored | null>>();
  // why: a render that began before a change must not store what it read before it.
  let generation = 0;

  function lookup(key: string, now: number) {
    const entry = stored.get(key);
    if (entry && entry.expires > now) return entry;
    if (entry) stored.delete(key);
    return null;
  }

  function send(res: Response, entry: Stored) {
    const nonce = Buffer.from(String(res.locals.cspNonce ?? ""));
    const body = Buffer.concat(entry.parts.flatMap((part, i) => (i === 0 ? [part] : [nonce, part])));
    for (const [name, value] of entry.headers) res.setHeader(name, value);
    res.setHeader("X-Page-Cache", "hit");
    res.status(200).end(body);
  }

  function render(req: Request, res: Response, next: NextFunction, key: string): Promise<Stored | null> {
    const started = generation;
    const chunks: Buffer[] = [];
    let size = 0;
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === "function" || size > MAX_BODY_BYTES) return;
      const buffer = typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      size += buffer.length;
      chunks.push(buffer);
    };
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => Response;
    res.write = ((chunk: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), write(chunk, ...rest))) as Response["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => (keep(chunk, rest[0]), end(chunk, ...rest))) as Response["end"];
    res.setHeader("X-Page-Cache", "miss");
    return new Promise<Stored | null>((resolve) => {
      const done = () => {
        const ok = res.statusCode === 200 && !res.hasHeader("set-cookie") && size <= MAX_BODY_BYTES && generation === started && res.writableFinished;
        if (!ok) return resolve(null);
        const headers = Object.entries(res.getHeaders())
          .filter(([name]) => REPEATED_HEADER.test(name))
          .map(([name, value]) => [name, String(value)] as [string, string]);
        const entry = { expires: Date.now() + seconds * 1000, headers, parts: cutAt(Buffer.concat(chunks), String(res.locals.cspNonce ?? "")) };
        if (stored.size >= MAX_ENTRIES) stored.delete(stored.keys().next().value!);
        stored.set(key, entry);
        resolve(entry);
      };
      res.once("finish", done);
      res.once("close", () => resolve(null));
      next();
    });
  }

  return (req: Request, res: Response, next: NextFunction) => {
    const shared = seconds > 0 && req.method === "GET" && req.headers.cookie === undefined && SHARED_PAGE_PATH.test(req.path);
    if (!shared) {
      if (req.method !== "GET" && req.method !== "HEAD") res.once("finish", () => (generation++, stored.clear()));
      return next();
    }
    const key = req.originalUrl;
    const hit = lookup(key, Date.now());
    if (hit) return send(res, hit);
    const pending = rendering.get(key);
    if (pending) {
      // Another request is rendering this page: its answer is ours, or if it stored none, our own render.
      void pending.then((entry) => (entry && !res.headersSent ? send(res, entry) : void render(req, res, next, key)));
      return;
    }
    const own = render(req, res, next, key);
    rendering.set(key, own);
    void own.finally(() => rendering.get(key) === own && rendering.delete(key));
  };
}
