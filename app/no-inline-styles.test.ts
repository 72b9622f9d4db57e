import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";

// Production's Content-Security-Policy has `style-src 'self'` (server/security.ts): a `style`
// attribute on a page is blocked there, and the element is drawn as if it had none (every score
// bar once showed full). Emails are not pages: they need inline styles and live in emails/.
function tsxFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return tsxFiles(path);
    return entry.name.endsWith(".tsx") ? [path] : [];
  });
}

test("no page or component sets an inline style attribute", () => {
  const offenders = tsxFiles("app").flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, i) => (/\sstyle=\{/.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])),
  );
  expect(offenders).toEqual([]);
});
