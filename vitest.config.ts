import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// why: a plain config (not vite.config.ts) so the Remix plugin does not run inside tests.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    include: ["app/**/*.test.{ts,tsx}", "db/**/*.test.ts", "emails/**/*.test.tsx", "server/**/*.test.ts"],
    globalSetup: ["./db/test/global-setup.ts"],
    // Module tests share one database; files run one after another so counts stay meaningful.
    fileParallelism: false,
    // why: one after another, each file re-imported the app (drizzle, the schema, React, the
    // engine): 88 s of 260 in CI. Sharing the imports takes the run to about half. A file must
    // then leave no module changed behind it: no vi.mock (spy on an object and restore it).
    isolate: false,
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
