import { expect, test } from "vitest";
import { MATCH_STATUSES } from "~/domain/vocabulary";
import { mayGenerateDocument, mayRevokeDocument, maySignDocument } from "./rules";

const SIDES = ["student", "mentor", "admin"] as const;

test("who may generate and sign, as a table over every side and match status, for one of the slot's mentors and for a colleague", () => {
  const table = SIDES.flatMap((side) =>
    MATCH_STATUSES.map((status) => ({
      side,
      status,
      letter: mayGenerateDocument({ side, status }, "experience_verification"),
      certificate: mayGenerateDocument({ side, status }, "completion_certificate"),
      sign: maySignDocument({ side, status }, true),
      signAsColleague: maySignDocument({ side, status }, false),
    })),
  );
  const allowed = (key: "letter" | "certificate" | "sign" | "signAsColleague") => table.filter((row) => row[key]).map((row) => `${row.side}:${row.status}`);
  expect(allowed("letter")).toEqual(["student:active", "student:completed"]);
  expect(allowed("certificate")).toEqual(["student:completed"]);
  expect(allowed("sign")).toEqual(["mentor:active", "mentor:completed"]);
  // A member of the organization who is not one of the slot's mentors never signs.
  expect(allowed("signAsColleague")).toEqual([]);
});

test("who may revoke an issued document: one of the slot's mentors or an admin, never the student or a colleague who did not supervise", () => {
  const who = SIDES.flatMap((side) => [true, false].map((slotMentor) => ({ side, slotMentor, may: mayRevokeDocument({ side }, slotMentor) })));
  expect(who.filter((w) => w.may).map((w) => `${w.side}:${w.slotMentor ? "slot mentor" : "other"}`)).toEqual(["mentor:slot mentor", "admin:slot mentor", "admin:other"]);
});
