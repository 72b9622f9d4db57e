import { describe, expect, test } from "vitest";
import { MATCH_STATUSES } from "~/domain/vocabulary";
import { deliveryState, LETTER_UPLOAD_PATH, mayDecline, mayReadContent, mayRequestLetter, mayRevoke, maySend, mayWithdrawRequest, mayWrite, sameMailbox, writerNameOf, type LetterSide } from "./rules";
import type { LetterState } from "./labels";

const SIDES: LetterSide[] = ["student", "writer", "admin"];
const STATES: LetterState[] = ["requested", "writing", "ready", "declined"];

/** Every side × state × waived × revoked, with what each rule says, as one row per case that allows anything. */
function table(rule: (side: LetterSide, letter: { state: LetterState; waived: boolean; revokedAt: Date | null }) => boolean) {
  const allowed: string[] = [];
  for (const side of SIDES)
    for (const state of STATES)
      for (const waived of [false, true])
        for (const revoked of [false, true]) {
          if (revoked && state !== "ready") continue;
          if (rule(side, { state, waived, revokedAt: revoked ? new Date() : null })) allowed.push(`${side} ${state}${waived ? " waived" : ""}${revoked ? " revoked" : ""}`);
        }
  return allowed;
}

describe("who may do what with a letter", () => {
  test("a letter is asked from an internship under way or completed", () => {
    expect(MATCH_STATUSES.filter(mayRequestLetter)).toEqual(["active", "completed"]);
  });

  test("the student reads the text only of a ready, unrevoked letter they did not waive; the writer and admins always", () => {
    const allowed = table(mayReadContent);
    expect(allowed.filter((row) => row.startsWith("student"))).toEqual(["student ready"]);
    expect(allowed.filter((row) => row.startsWith("writer"))).toHaveLength(10);
    expect(allowed.filter((row) => row.startsWith("admin"))).toHaveLength(10);
  });

  test("only the writer writes or declines, and only before ready; only the writer revokes, once; only the student sends a ready letter", () => {
    expect(table(mayWrite)).toEqual(["writer requested", "writer requested waived", "writer writing", "writer writing waived"]);
    expect(table(mayDecline)).toEqual(table(mayWrite));
    expect(table(mayRevoke)).toEqual(["writer ready", "writer ready waived"]);
    expect(table(maySend)).toEqual(["student ready", "student ready waived"]);
  });

  test("only the student withdraws a request, and only until the letter is ready", () => {
    expect(table(mayWithdrawRequest)).toEqual(["student requested", "student requested waived", "student writing", "student writing waived"]);
  });

  test("the writer's name: as signed, else the account's, else a former mentor", () => {
    expect(writerNameOf({ writerName: "Dr. Priya Raman", mentor: { name: "Priya Raman" } })).toBe("Dr. Priya Raman");
    expect(writerNameOf({ writerName: null, mentor: { name: "Priya Raman" } })).toBe("Priya Raman");
    expect(writerNameOf({ writerName: null, mentor: null })).toBe("A former mentor");
  });

  test("a delivery is sent, then opened; expired after its date; revoked with its letter whatever else", () => {
    const now = new Date("2027-01-10T12:00:00Z");
    const later = "2027-02-01T00:00:00Z";
    expect(deliveryState({ revokedAt: null }, { expiresAt: later, firstViewedAt: null }, now)).toBe("sent");
    expect(deliveryState({ revokedAt: null }, { expiresAt: later, firstViewedAt: "2027-01-05T00:00:00Z" }, now)).toBe("opened");
    expect(deliveryState({ revokedAt: null }, { expiresAt: "2027-01-10T12:00:00Z", firstViewedAt: "2027-01-05T00:00:00Z" }, now)).toBe("expired");
    expect(deliveryState({ revokedAt: now }, { expiresAt: later, firstViewedAt: null }, now)).toBe("revoked");
  });
});

test("the upload's address is the letter page and its data request, nothing else", () => {
  const id = "0b8d4a5e-3f1c-4c2a-9d7e-1a2b3c4d5e6f";
  expect([`/letters/${id}`, `/letters/${id}.data`, `/letters/${id}/pdf`, "/letters", `/letter/${id}`].map((p) => LETTER_UPLOAD_PATH.test(p))).toEqual([true, true, false, false, false]);
});

test("the student's own mailbox is recognized with a +tag, in any case, and at Gmail without dots or as googlemail.com", () => {
  const own = "Amara.Okafor@example.edu";
  const same = ["amara.okafor@example.edu", "AMARA.OKAFOR+schools@Example.EDU", " amara.okafor+x+y@example.edu "];
  const other = ["amaraokafor@example.edu", "amara.okafor@example.com", "amara.okafor@mail.example.edu", "okafor@example.edu"];
  expect(same.map((e) => sameMailbox(own, e))).toEqual(same.map(() => true));
  expect(other.map((e) => sameMailbox(own, e))).toEqual(other.map(() => false));
  const gmail = "amara.okafor@gmail.com";
  const gmailSame = ["amaraokafor@gmail.com", "a.m.a.r.a.okafor+letters@gmail.com", "AmaraOkafor@googlemail.com"];
  expect(gmailSame.map((e) => sameMailbox(gmail, e))).toEqual(gmailSame.map(() => true));
  expect(["amaraokafor@gmail.co", "amara_okafor@gmail.com", "amaraokafor@yahoo.com"].map((e) => sameMailbox(gmail, e))).toEqual([false, false, false]);
});
