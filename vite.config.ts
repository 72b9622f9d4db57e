import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { hmr: { port: Number(process.env.HMR_PORT ?? 24678) } },
  // why: the dev dependency scanner follows route imports into *.server.ts files; these
  // server-only packages must not be pre-bundled for the browser (argon2 has no browser build).
  // Naming the browser's dependencies up front spares the reload when Vite discovers them.
  optimizeDeps: {
    include: ["@conform-to/react", "@conform-to/zod/v4", "zod"],
    exclude: ["@node-rs/argon2", "@electric-sql/pglite", "@electric-sql/pglite-socket", "pg-boss", "postgres", "drizzle-orm", "@react-email/components", "@react-email/render", "resend"],
  },
  plugins: [
    tailwindcss(),
    remix({
      // BUILD_DIR lets two builds (say, two e2e runs) live side by side; server/main.ts reads it too.
      buildDirectory: process.env.BUILD_DIR ?? "build",
      ignoredRouteFiles: ["**/*.test.ts", "**/*.test.tsx"],
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
      },
    }),
    tsconfigPaths(),
  ],
});
