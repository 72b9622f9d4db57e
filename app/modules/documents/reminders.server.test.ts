import { eq } from "drizzle-orm";
import { expect, test } from "vitest";
import { reminders, slotMentors, type User } from "~db/schema";
import { emailsTo } from "~db/test/factories";
import { makeMentorship } from "~db/test/mentorship-factories";
import { moduleTestDb } from "~db/test/module-db";
import { generateDocument, signDocument } from "./documents.server";
import { documentSignatureReminders } from "./reminders.server";

const db = moduleTestDb({ queue: true });

const as = (user: Pick<User, "id" | "role">) => ({ id: user.id, role: user.role });
const DAY = 86_400_000;
const later = (from: Date, days: number) => new Date(from.getTime() + days * DAY);

/** An active internship whose slot names its first mentor (the second is a colleague in the organization), and a letter its student generated at `at`. */
async function waitingLetter(at: Date) {
  const m = await makeMentorship(db, { secondMentor: true });
  await db.insert(slotMentors).values({ slotId: m.slot.id, userId: m.mentor.id });
  const generated = await generateDocument(db, { viewer: as(m.student), matchId: m.match.id, kind: "experience_verification", now: at });
  if (!generated.ok) throw new Error(generated.error);
  const reminded = async (user: { email: string }) => (await emailsTo(db, user.email)).filter((e) => e.subject.startsWith("Still waiting for your signature"));
  return { ...m, documentId: generated.documentId, revision: generated.revision, reminded };
}

test("a document unsigned a week after it was generated reminds the slot's mentors once, not before, and not a colleague who may not sign", async () => {
  const generatedAt = new Date();
  const c = await waitingLetter(generatedAt);

  await documentSignatureReminders(db, later(generatedAt, 6.9));
  expect(await c.reminded(c.mentor)).toHaveLength(0);

  expect(await documentSignatureReminders(db, later(generatedAt, 7.1))).toBeGreaterThanOrEqual(1);
  const mail = await c.reminded(c.mentor);
  expect(mail.map((e) => e.subject)).toEqual([`Still waiting for your signature: ${c.student.name}'s experience verification letter`]);
  expect(mail[0]!.text).toContain(`/matches/${c.match.id}/documents#document-${c.documentId}`);
  expect(await c.reminded(c.secondMentor!)).toHaveLength(0);

  // Once: the next sweeps of the week send nothing more.
  await documentSignatureReminders(db, later(generatedAt, 7.2));
  await documentSignatureReminders(db, later(generatedAt, 10));
  expect(await c.reminded(c.mentor)).toHaveLength(1);
  const rows = await db.select().from(reminders).where(eq(reminders.eventKey, `${c.documentId}:unsigned`));
  expect(rows.map((r) => [r.kind, r.userId, r.matchId])).toEqual([["document_unsigned", c.mentor.id, c.match.id]]);
});

test("a document signed within the week reminds nobody; one long past the week's window is not reminded late", async () => {
  const generatedAt = new Date();
  const signed = await waitingLetter(generatedAt);
  const result = await signDocument(db, {
    viewer: as(signed.mentor),
    matchId: signed.match.id,
    documentId: signed.documentId,
    input: { duties: "Built the importer.", signerName: "Priya Raman", signerTitle: "Engineer", confirm: "on", revision: signed.revision },
    now: later(generatedAt, 3),
  });
  expect(result.ok).toBe(true);
  await documentSignatureReminders(db, later(generatedAt, 7.1));
  expect(await signed.reminded(signed.mentor)).toHaveLength(0);
  expect(await db.select().from(reminders).where(eq(reminders.eventKey, `${signed.documentId}:unsigned`))).toEqual([]);

  const old = await waitingLetter(generatedAt);
  await documentSignatureReminders(db, later(generatedAt, 15));
  expect(await old.reminded(old.mentor)).toHaveLength(0);
  expect(await db.select().from(reminders).where(eq(reminders.eventKey, `${old.documentId}:unsigned`))).toEqual([]);
});
