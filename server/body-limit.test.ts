import http from "node:http";
import type { AddressInfo } from "node:net";
import express from "express";
import { expect, test } from "vitest";
import { MAX_FORM_BYTES } from "~/forms/read.server";
import { LETTER_UPLOAD_BODY_BYTES, MAX_PDF_BYTES } from "~/modules/letters/rules";
import { bodyLimit, bodyLimitFor, REFUSED_BODY_READ_BYTES } from "./body-limit";

test("a letter's page takes a body the size of its largest PDF; every other address, a form's", () => {
  const letter = "/letters/0b7c1b9e-4c1a-4c7e-9d7e-0f6f1d1a2b3c";
  expect(bodyLimitFor(letter)).toBe(LETTER_UPLOAD_BODY_BYTES);
  expect(bodyLimitFor(`${letter}.data`)).toBe(LETTER_UPLOAD_BODY_BYTES);
  expect(LETTER_UPLOAD_BODY_BYTES).toBeGreaterThan(MAX_PDF_BYTES);
  for (const path of ["/letters", "/letters/new", `${letter}/pdf`, "/profile", "/matches/0b7c1b9e-4c1a-4c7e-9d7e-0f6f1d1a2b3c/plan"]) {
    expect(bodyLimitFor(path), path).toBe(MAX_FORM_BYTES);
  }
});

/** Runs `use` against a server with only the body limit and a /profile that reads the form. */
async function withServer(use: (port: number) => Promise<void>) {
  const app = express();
  app.use(bodyLimit());
  app.post("/profile", (_req, res) => void res.send("read"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    await use((server.address() as AddressInfo).port);
  } finally {
    server.close();
  }
}

test("a form sent in chunks, without its length, is refused before anything reads it; one with its length goes through", async () => {
  await withServer(async (port) => {
    const chunked = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("school=McGill"));
        controller.close();
      },
    });
    const refused = await fetch(`http://127.0.0.1:${port}/profile`, { method: "POST", body: chunked, duplex: "half" } as RequestInit);
    expect(refused.status).toBe(411);
    const sized = await fetch(`http://127.0.0.1:${port}/profile`, { method: "POST", body: "school=McGill" });
    expect([sized.status, await sized.text()]).toEqual([200, "read"]);
  });
});

/**
 * Sends a body of `total` bytes declaring `declared` in 64 kB pieces with a pause between them, as
 * a slow connection would, and gives back the answer, or how the sending failed.
 */
async function postSlowly(port: number, declared: number, total: number) {
  return await new Promise<{ status?: number; text?: string; failed?: string; sentWhenAnswered: number }>((resolve) => {
    let sent = 0;
    const request = http.request({ host: "127.0.0.1", port, path: "/profile", method: "POST", headers: { "Content-Type": "application/x-www-form-urlencoded", "Content-Length": declared } });
    request.on("response", (response) => {
      const sentWhenAnswered = sent;
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (piece: string) => (text += piece));
      response.on("end", () => resolve({ status: response.statusCode, text, sentWhenAnswered }));
    });
    request.on("error", (error: NodeJS.ErrnoException) => resolve({ failed: error.code ?? error.message, sentWhenAnswered: sent }));
    const piece = Buffer.alloc(64 * 1024, "a");
    const write = () => {
      if (sent >= total || request.destroyed) return void request.end();
      const next = piece.subarray(0, Math.min(piece.length, total - sent));
      sent += next.length;
      request.write(next, () => setTimeout(write, 2));
    };
    write();
  });
}

test("a body too large is read to its end before the refusal, so the sender gets the message, not a broken connection", async () => {
  await withServer(async (port) => {
    const size = 1_500_000;
    const answer = await postSlowly(port, size, size);
    expect(answer).toEqual({ status: 413, text: expect.stringContaining("larger than Steppingstone accepts"), sentWhenAnswered: size });
  });
});

test("past what is worth reading, the refusal goes at once and the connection is closed", async () => {
  await withServer(async (port) => {
    const declared = 4 * REFUSED_BODY_READ_BYTES;
    const answer = await postSlowly(port, declared, declared);
    // Either the answer came before the body was all sent, or the sending broke: never all of it read.
    if (answer.status !== undefined) expect([answer.status, answer.sentWhenAnswered < declared]).toEqual([413, true]);
    else expect(answer.sentWhenAnswered).toBeLessThan(declared);
  });
});
