import { describe, expect, test } from "vitest";
import { makeUser } from "~db/test/factories";
import { makeMatchableStudent } from "~db/test/match-factories";
import { addDays, addMentor, makeOrganization, makeSkill, makeSlot } from "~db/test/slot-factories";
import { moduleTestDb } from "~db/test/module-db";
import { applyToSlot, countApplicants, listApplicants } from "~/modules/applications/applications.server";
import { invalidateOpenSlots, loadOpenSlots } from "~/modules/engine-adapter/instance.server";
import { inviteToApply, recommendedSlotsFor, studentsWhoFit } from "~/modules/recommendations/recommendations.server";
import { starSlot } from "~/modules/stars/stars.server";
import { dayIn, findOwnSlot } from "./access.server";
import { parseSlotSearch } from "./schemas";
import { getSlotForViewer, searchSlots } from "./search.server";
import { endSlot, getOwnSlot } from "./slots.server";

const db = moduleTestDb({ queue: true });

const TODAY = new Date().toISOString().slice(0, 10);
// A deadline ten days out, in Los Angeles (UTC−8 in December, UTC−7 in summer: the instants are
// built from the zone's own offset on that day, so the test holds all year).
const DEADLINE = addDays(TODAY, 10);

/** The instant at `time` (HH:MM) on `day` in Los Angeles. */
function inLosAngeles(day: string, time: string) {
  for (const offset of ["-07:00", "-08:00"]) {
    const instant = new Date(`${day}T${time}:00${offset}`);
    const local = new Intl.DateTimeFormat("en-GB", { timeZone: "America/Los_Angeles", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
    if (local === time && dayIn("America/Los_Angeles", instant) === day) return instant;
  }
  throw new Error(`no instant for ${day} ${time} in Los Angeles`);
}

describe("whether a slot takes applications, on its deadline day in its own zone", () => {
  const lateEvening = inLosAngeles(DEADLINE, "23:30");
  const nextMorning = inLosAngeles(addDays(DEADLINE, 1), "00:30");

  async function world() {
    const skill = await makeSkill(db);
    const { organization, mentor } = await makeOrganization(db);
    const word = `heronry${Math.random().toString(36).slice(2, 8)}`;
    const slot = await makeSlot(db, organization, {
      title: `Map the ${word} sensors`,
      timezone: "America/Los_Angeles",
      applicationDeadline: DEADLINE,
      startDate: addDays(TODAY, 30),
      acceptedAuthorizations: ["us_citizen_pr"],
      skills: [[skill.slug, 2, true]],
      mentorIds: [mentor.id],
    });
    const student = () => makeMatchableStudent(db, { name: "Rosa Díaz", skills: [[skill.slug, 3]], visibleToMentors: true });
    return { slot, mentor, word, student };
  }

  /** Every path that asks, at `now`: search, the slot page, apply, star, recommendations, invitations, rounds. */
  async function everyPath(now: Date) {
    const { slot, mentor, word, student } = await world();
    const [applicant, starrer, recommended, invited] = [await student(), await student(), await student(), await student()];
    invalidateOpenSlots();
    const search = await searchSlots(db, parseSlotSearch(new URLSearchParams({ q: word })), { now });
    const page = await getSlotForViewer(db, { slotId: slot.id, viewer: { id: applicant.id, role: "student" }, now });
    const applied = await applyToSlot(db, applicant.id, slot.id, { statement: "I have built sensor dashboards before.", answers: [] }, now);
    const starred = await starSlot(db, starrer.id, slot.id, { now });
    const recommendations = await recommendedSlotsFor(db, recommended.id, { k: 1000, now });
    const invitation = await inviteToApply(db, mentor.id, slot.id, invited.id, { k: 1000, now });
    const round = await loadOpenSlots(db, now, { forRound: true });
    return {
      search: search.rows.some((r) => r.id === slot.id),
      page: page?.acceptingApplications ?? null,
      apply: applied.ok || applied.error,
      star: starred.ok || starred.error,
      recommendations: recommendations.status === "ready" && recommendations.slots.some((s) => s.id === slot.id),
      invitation: invitation.ok || invitation.error,
      round: round.some((s) => s.id === slot.id),
    };
  }

  test("at 23:30 in Los Angeles on the deadline day, every path still takes it (07:30 UTC the next day)", async () => {
    expect(lateEvening.toISOString().slice(0, 10)).toBe(addDays(DEADLINE, 1));
    expect(await everyPath(lateEvening)).toEqual({ search: true, page: true, apply: true, star: true, recommendations: true, invitation: true, round: true });
  });

  test("at 00:30 the next day in Los Angeles, every path says the deadline has passed", async () => {
    expect(await everyPath(nextMorning)).toEqual({
      search: false,
      page: false,
      apply: "deadline_passed",
      star: "not_open",
      recommendations: false,
      invitation: "not_open",
      round: false,
    });
  });
});

describe("who owns a slot: the mentors of its organization, on every mentor-side path", () => {
  test("any mentor of the organization finds its slot, in any status, with the organization", async () => {
    const { organization, mentor } = await makeOrganization(db);
    const colleague = await addMentor(db, organization);
    const draft = await makeSlot(db, organization, { status: "draft", publishedAt: null });
    for (const userId of [mentor.id, colleague.id]) {
      expect(await findOwnSlot(db, { userId, slotId: draft.id })).toMatchObject({ slot: { id: draft.id, status: "draft" }, organization: { id: organization.id }, open: false });
    }
  });

  test("anyone else — another organization's mentor, a student, an admin — and a malformed id get not found everywhere", async () => {
    const { organization, mentor: owner } = await makeOrganization(db);
    const slot = await makeSlot(db, organization);
    const others = [(await makeOrganization(db)).mentor, await makeUser(db, { role: "student" }), await makeUser(db, { role: "admin" })];
    for (const other of others) {
      expect(await findOwnSlot(db, { userId: other.id, slotId: slot.id })).toBeNull();
      expect(await findOwnSlot(db, { userId: other.id, slotId: slot.id, lock: true })).toBeNull();
      expect(await getOwnSlot(db, { userId: other.id, slotId: slot.id })).toBeNull();
      expect(await countApplicants(db, other.id, slot.id)).toBeNull();
      expect(await listApplicants(db, other.id, slot.id)).toBeNull();
      expect(await studentsWhoFit(db, other.id, slot.id)).toBeNull();
      expect(await inviteToApply(db, other.id, slot.id, crypto.randomUUID())).toEqual({ ok: false, error: "not_found" });
      expect(await endSlot(db, { userId: other.id, slotId: slot.id, outcome: "closed" })).toEqual({ ok: false, error: "not_found" });
    }
    expect(await findOwnSlot(db, { userId: owner.id, slotId: "not-a-slot" })).toBeNull();
    // Nobody else could close it.
    expect(await findOwnSlot(db, { userId: owner.id, slotId: slot.id })).toMatchObject({ slot: { status: "open" }, open: true });
  });
});
