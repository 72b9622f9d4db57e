import { expect, test } from "vitest";
import { parseEnv } from "./env.server";

const production = { NODE_ENV: "production", APP_URL: "https://steppingstone.example", DATABASE_URL: "postgres://db/steppingstone" };

test("production refuses to start without an email transport, naming RESEND_API_KEY and EMAIL_TRANSPORT", () => {
  expect(() => parseEnv(production)).toThrow(/RESEND_API_KEY: production needs a real email transport.*EMAIL_TRANSPORT=log/s);
});

test("production starts with Resend, or with emails only logged when EMAIL_TRANSPORT=log says so", () => {
  expect(parseEnv({ ...production, RESEND_API_KEY: "re_123", EMAIL_FROM: "Steppingstone <hello@steppingstone.example>" })).toMatchObject({ RESEND_API_KEY: "re_123" });
  expect(parseEnv({ ...production, EMAIL_TRANSPORT: "log" })).toMatchObject({ EMAIL_TRANSPORT: "log" });
  expect(() => parseEnv({ ...production, EMAIL_TRANSPORT: "mailbox" })).toThrow(/EMAIL_TRANSPORT/);
});

test("outside production the local mailbox needs nothing", () => {
  const env = parseEnv({ NODE_ENV: "development" });
  expect(env).toMatchObject({ APP_URL: "http://localhost:3000", runWorkerInProcess: true });
  expect([env.RESEND_API_KEY, env.EMAIL_TRANSPORT]).toEqual([undefined, undefined]);
});

test("TRUST_PROXY counts the proxies in front of the app: false is none, true is one, a digit is that many; anything else stops start-up", () => {
  const dev = { NODE_ENV: "development" };
  expect(parseEnv(dev).TRUST_PROXY).toBe(0);
  expect(parseEnv({ ...dev, TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
  expect(parseEnv({ ...dev, TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
  expect(parseEnv({ ...dev, TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
  expect(() => parseEnv({ ...dev, TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY/);
});
