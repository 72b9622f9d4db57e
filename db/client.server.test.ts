import { eq, inArray } from "drizzle-orm";
import { afterAll, expect, test } from "vitest";
import { closeDb, getDb, transaction } from "./client.server";
import { users } from "./schema";
import { makeUser, uniqueEmail } from "./test/factories";

const db = getDb();
afterAll(() => closeDb());

async function existing(emails: string[]) {
  const rows = await db.select({ email: users.email }).from(users).where(inArray(users.email, emails));
  return rows.map((r) => r.email).sort();
}

const newUser = (email: string) => ({ email, name: "Tx Test", role: "student" as const, passwordHash: "not-a-real-hash" });

test("transaction() commits everything together, or nothing when the callback throws", async () => {
  const kept = [uniqueEmail("tx"), uniqueEmail("tx")].sort();
  const lost = [uniqueEmail("tx"), uniqueEmail("tx")];

  await transaction(db, async (tx) => {
    await tx.insert(users).values(newUser(kept[0]!));
    await tx.insert(users).values(newUser(kept[1]!));
  });
  await expect(
    transaction(db, async (tx) => {
      await tx.insert(users).values(newUser(lost[0]!));
      await tx.insert(users).values(newUser(lost[1]!));
      throw new Error("abort");
    }),
  ).rejects.toThrow("abort");

  expect(await existing([...kept, ...lost])).toEqual(kept);
});

test("a transaction() inside a transaction is a savepoint: its failure undoes only its own work", async () => {
  const outer = uniqueEmail("outer");
  const inner = uniqueEmail("inner");

  await transaction(db, async (tx) => {
    await tx.insert(users).values(newUser(outer));
    await expect(
      transaction(tx, async (nested) => {
        await nested.insert(users).values(newUser(inner));
        throw new Error("inner abort");
      }),
    ).rejects.toThrow("inner abort");
  });

  expect(await existing([outer, inner])).toEqual([outer]);
});

test("timestamps written in a transaction read back as the same instant", async () => {
  const user = await makeUser(db);
  const at = new Date("2030-01-02T03:04:05.678Z");

  await transaction(db, (tx) => tx.update(users).set({ suspendedAt: at }).where(eq(users.id, user.id)));

  const [row] = await db.select({ suspendedAt: users.suspendedAt }).from(users).where(eq(users.id, user.id));
  expect(row!.suspendedAt).toEqual(at);
});
