import type { AddressInfo } from "node:net";
import express from "express";
import { expect, test } from "vitest";

// server/main.ts sets "trust proxy" to the number of proxies in front of the app (TRUST_PROXY).

async function clientAddressSeen(trust: number | boolean, forwardedFor: string) {
  const app = express();
  app.set("trust proxy", trust);
  app.get("/", (req, res) => void res.send(req.ip));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((resolve) => server.once("listening", resolve));
  try {
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, { headers: { "X-Forwarded-For": forwardedFor } });
    return await response.text();
  } finally {
    server.close();
  }
}

test("behind one proxy, the address is the one the proxy saw: an address the client put in front of X-Forwarded-For is ignored", async () => {
  // The client sent "X-Forwarded-For: 203.0.113.7"; the load balancer appended the address it saw.
  expect(await clientAddressSeen(1, "203.0.113.7, 198.51.100.23")).toBe("198.51.100.23");
  // With `true` (what TRUST_PROXY used to set), the client's own entry wins: limits per address could be dodged.
  expect(await clientAddressSeen(true, "203.0.113.7, 198.51.100.23")).toBe("203.0.113.7");
});
