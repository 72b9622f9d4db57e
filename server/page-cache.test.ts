import type { AddressInfo } from "node:net";
import express from "express";
import { afterEach, describe, expect, test } from "vitest";
import { pageCache } from "./page-cache";
import { securityHeaders } from "./security";

// A stand-in for the Remix handler: each render is counted and numbered, writes its page in two
// chunks with the request's nonce (as entry.server.tsx does), and takes a moment.
function serve({ seconds = 5, status = 200, setCookie = false } = {}) {
  let renders = 0;
  const app = express();
  app.use(securityHeaders({ productionPolicy: true }));
  app.use(pageCache({ seconds }));
  app.post("*", (_req, res) => void res.status(303).set("Location", "/slots").end());
  app.get("*", (req, res) => {
    const n = ++renders;
    setTimeout(() => {
      res.status(req.path === "/slots/missing" ? 404 : status).type(req.path.endsWith(".data") ? "text/x-script" : "html");
      if (setCookie) res.setHeader("Set-Cookie", "flash=1");
      res.write(`<html><script nonce="${res.locals.cspNonce}">render ${n}</script>`);
      res.end(`<p>${req.originalUrl} for ${req.headers.cookie ?? "anyone"}</p></html>`);
    }, 30);
  });
  const server = app.listen(0, "127.0.0.1");
  servers.push(server);
  const ready = new Promise((resolve) => server.once("listening", resolve));
  const get = async (path: string, headers: Record<string, string> = {}) => {
    await ready;
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, { headers, redirect: "manual" });
    const body = await response.text();
    const csp = response.headers.get("content-security-policy") ?? "";
    return { status: response.status, body, cache: response.headers.get("x-page-cache"), type: response.headers.get("content-type"), cspNonce: /'nonce-([^']+)'/.exec(csp)?.[1], pageNonce: /nonce="([^"]+)"/.exec(body)?.[1] };
  };
  const post = async (path: string) => {
    await ready;
    return fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`, { method: "POST", redirect: "manual" }).then((r) => r.status);
  };
  return { get, post, renders: () => renders };
}

const servers: ReturnType<express.Express["listen"]>[] = [];
afterEach(() => servers.splice(0).forEach((s) => s.close()));

describe("the shared page cache", () => {
  test("signed-out visitors of the slot list share one render, each answer with its own nonce, matching its CSP", async () => {
    const app = serve();
    const first = await app.get("/slots?q=data");
    const second = await app.get("/slots?q=data");
    expect([first.cache, second.cache]).toEqual(["miss", "hit"]);
    expect(app.renders()).toBe(1);
    expect(second.body).toContain("render 1");
    expect(second.pageNonce).toBe(second.cspNonce);
    expect(second.pageNonce).not.toBe(first.pageNonce);
    expect(second.body.replace(second.pageNonce!, "N")).toBe(first.body.replace(first.pageNonce!, "N"));
  });

  test("each address is its own page: another search, another slot, and their data requests keep their type", async () => {
    const app = serve();
    await app.get("/slots?q=data");
    expect((await app.get("/slots?q=rust")).body).toContain("/slots?q=rust");
    const slot = await app.get("/slots/7fb6a176-a48d-47f7-ad71-006c56f07b1f.data");
    const again = await app.get("/slots/7fb6a176-a48d-47f7-ad71-006c56f07b1f.data");
    expect([slot.cache, again.cache, again.type]).toEqual(["miss", "hit", "text/x-script; charset=utf-8"]);
    expect(app.renders()).toBe(3);
  });

  test("a request with a cookie is never answered from the cache nor stored in it", async () => {
    const app = serve();
    await app.get("/slots");
    const signedIn = await app.get("/slots", { Cookie: "__Host-steppingstone_session=abc" });
    expect(signedIn.cache).toBeNull();
    expect(signedIn.body).toContain("for __Host-steppingstone_session=abc");
    const signedOut = await app.get("/slots");
    expect(signedOut.body).toContain("for anyone");
    expect(app.renders()).toBe(2);
  });

  test("pages other than the slot list and a slot's page are rendered every time", async () => {
    const app = serve();
    for (const path of ["/", "/profile", "/slots/abc/fit", "/login"]) {
      await app.get(path);
      expect((await app.get(path)).cache, path).toBeNull();
    }
    expect(app.renders()).toBe(8);
  });

  test("a change sent to this server empties it: the next visitor gets a fresh render", async () => {
    const app = serve();
    await app.get("/slots");
    expect(await app.post("/mentor/slots/7fb6a176-a48d-47f7-ad71-006c56f07b1f")).toBe(303);
    const after = await app.get("/slots");
    expect([after.cache, app.renders()]).toEqual(["miss", 2]);
  });

  test("a stored page expires after its seconds", async () => {
    const app = serve({ seconds: 1 });
    await app.get("/slots");
    expect((await app.get("/slots")).cache).toBe("hit");
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await app.get("/slots")).cache).toBe("miss");
    expect(app.renders()).toBe(2);
  });

  test("visitors arriving while a page renders wait for that render instead of starting their own", async () => {
    const app = serve();
    const answers = await Promise.all(Array.from({ length: 8 }, () => app.get("/slots?page=2")));
    expect(app.renders()).toBe(1);
    for (const answer of answers) expect(answer.pageNonce).toBe(answer.cspNonce);
    expect(new Set(answers.map((a) => a.pageNonce)).size).toBe(8);
  });

  test("answers that are not a plain page are not kept: not found, or one that sets a cookie", async () => {
    const notFound = serve();
    await notFound.get("/slots/missing");
    expect((await notFound.get("/slots/missing")).status).toBe(404);
    expect(notFound.renders()).toBe(2);
    const cookie = serve({ setCookie: true });
    await cookie.get("/slots");
    await cookie.get("/slots");
    expect(cookie.renders()).toBe(2);
  });

  test("0 seconds turns it off", async () => {
    const app = serve({ seconds: 0 });
    await app.get("/slots");
    expect((await app.get("/slots")).cache).toBeNull();
    expect(app.renders()).toBe(2);
  });
});
