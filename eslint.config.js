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
    files: ["app/**/*.tsx", "emails/**/*.tsx"],
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
);
