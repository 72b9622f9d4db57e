import { and, asc, eq, sql } from "drizzle-orm";
import { transaction, type Db } from "~db/client.server";
import { organizations, slotStars, slots, users, type SlotStatus } from "~db/schema";
import { isUuid } from "~/modules/ids";
import { takingApplications } from "~/modules/slots/access.server";
import { cardColumns, type SlotCard } from "~/modules/slots/card.server";
import { submitted } from "~/modules/slots/submitted";
import { MAX_STARS } from "./schemas";

export { MAX_STARS };

// Stars: a student's own ranking of slots, which a matching round reads as their preferences.

export type StarResult = { ok: true } | { ok: false; error: "not_found" | "not_open" | "too_many" | "not_starred" };

/** Locks the student's stars for one change: the user row, so concurrent changes queue up. Null when no such student. */
async function lockStars(tx: Db, studentId: string) {
  if (!isUuid(studentId)) return null;
  const [student] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, studentId), eq(users.role, "student")))
    .for("update");
  if (!student) return null;
  return tx
    .select({ slotId: slotStars.slotId, position: slotStars.position })
    .from(slotStars)
    .where(eq(slotStars.studentId, studentId))
    .orderBy(asc(slotStars.position), asc(slotStars.createdAt), asc(slotStars.slotId));
}

/** Writes positions 1..n for `order`, touching only rows whose position changes. */
async function writeOrder(tx: Db, studentId: string, order: string[], current: { slotId: string; position: number }[]) {
  const was = new Map(current.map((s) => [s.slotId, s.position]));
  for (const [i, slotId] of order.entries()) {
    if (was.get(slotId) === i + 1) continue;
    await tx
      .update(slotStars)
      .set({ position: i + 1 })
      .where(and(eq(slotStars.studentId, studentId), eq(slotStars.slotId, slotId)));
  }
}

/**
 * Stars an open slot at the end of the student's ranking; starring it again changes nothing.
 * At most MAX_STARS; positions stay 1..n.
 */
export async function starSlot(db: Db, studentId: string, slotId: string, { now = new Date() }: { now?: Date } = {}): Promise<StarResult> {
  if (!isUuid(slotId)) return { ok: false, error: "not_found" };
  return transaction(db, async (tx) => {
    const stars = await lockStars(tx, studentId);
    if (!stars) return { ok: false, error: "not_found" };
    if (stars.some((s) => s.slotId === slotId)) return { ok: true };
    const [slot] = await tx.select({ open: sql<boolean>`${takingApplications(now)}` }).from(slots).where(eq(slots.id, slotId));
    if (!slot) return { ok: false, error: "not_found" };
    if (!slot.open) return { ok: false, error: "not_open" };
    if (stars.length >= MAX_STARS) return { ok: false, error: "too_many" };
    // why: a starred slot deleted since (cascade) leaves a gap; close it before appending.
    await writeOrder(tx, studentId, stars.map((s) => s.slotId), stars);
    await tx.insert(slotStars).values({ studentId, slotId, position: stars.length + 1, createdAt: now });
    return { ok: true };
  });
}

/** Removes a star; the slots below move up one, so positions stay 1..n. */
export async function unstarSlot(db: Db, studentId: string, slotId: string): Promise<StarResult> {
  if (!isUuid(slotId)) return { ok: false, error: "not_starred" };
  return transaction(db, async (tx) => {
    const stars = await lockStars(tx, studentId);
    if (!stars) return { ok: false, error: "not_found" };
    if (!stars.some((s) => s.slotId === slotId)) return { ok: false, error: "not_starred" };
    await tx.delete(slotStars).where(and(eq(slotStars.studentId, studentId), eq(slotStars.slotId, slotId)));
    const rest = stars.filter((s) => s.slotId !== slotId);
    await writeOrder(tx, studentId, rest.map((s) => s.slotId), rest);
    return { ok: true };
  });
}

/** Swaps a starred slot with its neighbour above or below; at either end it stays put. Positions stay 1..n. */
export async function moveStar(db: Db, studentId: string, slotId: string, direction: "up" | "down"): Promise<StarResult> {
  if (!isUuid(slotId)) return { ok: false, error: "not_starred" };
  return transaction(db, async (tx) => {
    const stars = await lockStars(tx, studentId);
    if (!stars) return { ok: false, error: "not_found" };
    const order = stars.map((s) => s.slotId);
    const i = order.indexOf(slotId);
    if (i < 0) return { ok: false, error: "not_starred" };
    const j = direction === "up" ? i - 1 : i + 1;
    if (j >= 0 && j < order.length) [order[i], order[j]] = [order[j]!, order[i]!];
    await writeOrder(tx, studentId, order, stars);
    return { ok: true };
  });
}

export type StarredSlot = SlotCard & { position: number; status: SlotStatus; open: boolean };

/** The student's starred slots in their order (1 first), with whether each still takes applications. */
export async function listStars(db: Db, studentId: string, { now = new Date() }: { now?: Date } = {}): Promise<StarredSlot[]> {
  if (!isUuid(studentId)) return [];
  const rows = await db
    .select({ ...cardColumns, status: slots.status, open: sql<boolean>`${takingApplications(now)}` })
    .from(slotStars)
    .innerJoin(slots, eq(slots.id, slotStars.slotId))
    .innerJoin(organizations, eq(organizations.id, slots.organizationId))
    .where(eq(slotStars.studentId, studentId))
    .orderBy(asc(slotStars.position), asc(slotStars.createdAt), asc(slotStars.slotId));
  // Numbered from the order, so the page shows 1..n even before a change closes a gap.
  return rows.map((r, i) => ({ ...submitted(r), position: i + 1 }));
}

/** Whether the student starred the slot (for the Star / Unstar button on a slot's page). */
export async function isStarred(db: Db, studentId: string, slotId: string) {
  if (!isUuid(studentId) || !isUuid(slotId)) return false;
  const [row] = await db
    .select({ one: sql`1` })
    .from(slotStars)
    .where(and(eq(slotStars.studentId, studentId), eq(slotStars.slotId, slotId)));
  return Boolean(row);
}
