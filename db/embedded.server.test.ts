import { sql } from "drizzle-orm";
import { expect, test } from "vitest";
import { createDb } from "./client.server";
import { startEmbeddedDatabase } from "./embedded.server";

// The embedded server must behave like PostgreSQL when several connections query at once:
// each parameterised query gets its own parameters back, never another connection's statement.
test("concurrent parameterised queries over the embedded socket each get their own answer", async () => {
  const embedded = await startEmbeddedDatabase({ dataDir: "memory://" });
  const db = createDb(embedded.url, { max: 10 });
  try {
    const results = await Promise.allSettled(
      Array.from({ length: 300 }, async (_, i) => {
        const rows =
          i % 2
            ? await db.execute<{ a: number }>(sql`select ${i}::int as a`)
            : await db.execute<{ a: number; b: string; c: number }>(sql`select ${i}::int as a, ${String(i)}::text as b, ${i * 2}::int as c`);
        return rows[0]!.a === i;
      }),
    );
    const failures = results.filter((r) => r.status === "rejected" || r.value !== true);
    expect(failures).toHaveLength(0);
  } finally {
    await db.$client.end();
    await embedded.stop();
  }
});
