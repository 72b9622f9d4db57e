import { expect, test } from "vitest";
import { compileInstance } from "../../engine/compile";
import { generateInstance } from "../../engine/generate";
import { buildPreferences } from "../../engine/round";
import { buildPreferencesInThreads } from "./threads";

test("preferences built on two threads are the ones built on one", { timeout: 60_000 }, async () => {
  // Large enough (20 million pairs) to be handed to the helper thread; with explicit rankings
  // on both sides, so the helper's share of them is exercised too.
  const instance = generateInstance({ students: 5_000, slots: 4_000, seats: 12_000, seed: 7 });
  instance.students.forEach((s, i) => i % 7 === 0 && (s.ranking = [`t${i % 4_000}`, `t${(i * 3) % 4_000}`]));
  instance.slots.forEach((t, i) => i % 5 === 0 && (t.ranking = [`s${i}`, `s${i + 1}`]));
  const { prefs, threads } = await buildPreferencesInThreads(compileInstance(instance), 50);
  const alone = buildPreferences(compileInstance(instance), 50);
  expect(threads).toBe(2);
  expect(prefs.start).toEqual(alone.start);
  expect(prefs.slots).toEqual(alone.slots);
  expect(prefs.scores).toEqual(alone.scores);
  expect(prefs.keys).toEqual(alone.keys);
  expect(prefs.slots.length).toBeGreaterThan(100_000);
});
