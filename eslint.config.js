import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "build-*/", ".cache/", "node_modules/", ".data/", "test-results/", "playwright-report/", "db/migrations/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
      "no-console": "off",
    },
  },
  {
    // React code only: elsewhere a `use…` name (Playwright's `use`, `useServer`) is no hook.
    files: ["app/**/*.tsx", "emails/**/*.tsx", "documents/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Remix keeps `*.server.ts` out of the browser bundle only inside app/; db/ is server-only
    // code outside app/, so only server files may import it (type-only imports are erased).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.{ts,tsx}", "app/**/*.test.{ts,tsx}", "app/routes/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~db/*", "**/db/*", "!~db/schema"], message: "Only *.server.ts files may import db/.", allowTypeImports: false },
            { group: ["~db/schema"], message: "Import schema types with `import type`.", allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // The engine is pure (decision 014): no database, no I/O, no threads, no other module. It may
    // use only its own files, the product's vocabulary (app/domain) and zod.
    files: ["app/engine/**/*.ts"],
    ignores: ["app/engine/**/*.test.ts", "app/engine/**/*.test-support.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(?!\\./[^/]+$|\\.\\./domain/[^/]+$|~/domain/[^/]+$|zod$)",
              message: "app/engine is pure: its own files, app/domain and zod only (decision 014). Database and threads belong in app/modules/engine-adapter.",
            },
          ],
        },
      ],
    },
  },
);
