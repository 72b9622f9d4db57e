import type { AddressInfo } from "node:net";
import express from "express";
import { expect, test } from "vitest";
import { MAX_FORM_BYTES } from "~/forms/read.server";
import { LETTER_UPLOAD_BODY_BYTES, MAX_PDF_BYTES } from "~/modules/letters/rules";
import { bodyLimit, bodyLimitFor } from "./body-limit";

test("a letter's page takes a body the size of its largest PDF; every other address, a form's", () => {
  const letter = "/letters/0b7c1b9e-4c1a-4c7e-9d7e-0f6f1d1a2b3c";
  expect(bodyLimitFor(letter)).toBe(LETTER_UPLOAD_BODY_BYTES);
  expect(bodyLimitFor(`${letter}.data`)).toBe(LETTER_UPLOAD_BODY_BYTES);
  expect(LETTER_UPLOAD_BODY_BYTES).toBeGreaterThan(MAX_PDF_BYTES);
  for (const path of ["/letters", "/letters/new", `${letter}/pdf`, "/profile", "/matches/0b7c1b9e-4c1a-4c7e-9d7e-0f6f1d1a2b3c/plan"]) {
    expect(bodyLimitFor(path), path).toBe(MAX_FORM_BYTES);
  }
});

test("a form sent in chunks, without its length, is refused before anything reads it; one with its length goes through", async () => {
  const app = express();
  app.use(bodyLimit());
  app.post("/profile", (_req, res) => void res.send("read"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as AddressInfo;
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
  } finally {
    server.close();
  }
});
