import { parseWithZod } from "@conform-to/zod/v4";
import { describe, expect, test } from "vitest";
import { moduleTestDb } from "~db/test/module-db";
import { z } from "zod";
import { skillRowsSchema, unknownSkillErrors } from "./schemas";
import { listSkills, resolveSkill, resolveSkillRows } from "./skills.server";

const db = moduleTestDb();

const Form = z.object({ skills: skillRowsSchema({ max: 3 }) });
function submit(entries: [string, string][]) {
  const formData = new FormData();
  for (const [k, v] of entries) formData.append(k, v);
  return parseWithZod(formData, { schema: Form });
}
/** Field errors of a refused submission, keyed like the form's field names. */
function errorsOf(entries: [string, string][]) {
  const result = submit(entries);
  expect(result.status).toBe("error");
  return result.reply().error ?? {};
}

describe("the skills taxonomy (migration 0003)", () => {
  test("has at least 220 skills across every category, with unique names and lower-case aliases", async () => {
    const list = await listSkills(db);
    expect(list.length).toBeGreaterThanOrEqual(220);
    expect(new Set(list.map((s) => s.category)).size).toBe(13);
    expect(new Set(list.map((s) => s.name.toLowerCase())).size).toBe(list.length);
    for (const s of list) for (const a of s.aliases) expect(a).toBe(a.toLowerCase());
  });

  test("no alias is another skill's name or slug, so a typed name always means one skill", async () => {
    const list = await listSkills(db);
    const owners = new Map<string, string>();
    for (const s of list) for (const key of [s.slug, s.name.toLowerCase(), ...s.aliases]) {
      const owner = owners.get(key);
      expect(owner === undefined || owner === s.slug, `${key}: ${owner} and ${s.slug}`).toBe(true);
      owners.set(key, s.slug);
    }
  });
});

describe("resolveSkill", () => {
  test.each([
    ["js", "javascript"],
    ["JS", "javascript"],
    ["  JavaScript ", "javascript"],
    ["ts", "typescript"],
    ["k8s", "kubernetes"],
    ["postgres", "postgresql"],
    ["psql", "postgresql"],
    ["PostgreSQL", "postgresql"],
    ["golang", "go"],
    ["gcp", "gcp"],
    ["Google Cloud", "gcp"],
    ["ml", "machine-learning"],
    ["c#", "csharp"],
    ["C++", "cpp"],
    ["node", "nodejs"],
    ["Node.js", "nodejs"],
    ["react  native", "react-native"],
    ["aws", "aws"],
  ])("%j is %s", async (input, slug) => {
    expect(resolveSkill(await listSkills(db), input)?.slug).toBe(slug);
  });

  test.each(["", "   ", "foo", "javascript-ish", "k8"])("%j is no skill", async (input) => {
    expect(resolveSkill(await listSkills(db), input)).toBeNull();
  });
});

describe("skillRowsSchema", () => {
  test("drops blank rows and keeps the form row of each filled one", () => {
    const result = submit([
      ["skills[0].skill", "Python"],
      ["skills[0].level", "3"],
      ["skills[1].skill", ""],
      ["skills[1].level", ""],
      ["skills[2].skill", " k8s "],
      ["skills[2].level", "1"],
      ["skills[3].level", "2"],
    ]);
    expect(result.status).toBe("success");
    expect(result.status === "success" && result.value.skills).toEqual([
      { skill: "Python", level: 3, index: 0 },
      { skill: "k8s", level: 1, index: 2 },
    ]);
  });

  test("no rows at all is an empty list", () => {
    const result = submit([]);
    expect(result.status === "success" && result.value.skills).toEqual([]);
  });

  test("a typed skill needs a level from 1 to 4, said on that row", () => {
    const error = errorsOf([
      ["skills[0].skill", "Python"],
      ["skills[0].level", "3"],
      ["skills[1].skill", "Rust"],
      ["skills[1].level", ""],
      ["skills[2].skill", "Go"],
      ["skills[2].level", "7"],
    ]);
    expect(error["skills[1].level"]).toEqual(["Choose how well you know Rust"]);
    expect(error["skills[2].level"]).toEqual(["Choose a level"]);
    expect(error["skills[0].level"]).toBeUndefined();
  });

  test("the same name twice is refused on the second row", () => {
    const error = errorsOf([
      ["skills[0].skill", "Python"],
      ["skills[0].level", "3"],
      ["skills[1].skill", "python"],
      ["skills[1].level", "2"],
    ]);
    expect(error["skills[1].skill"]?.[0]).toMatch(/already listed/);
  });

  test("refuses more rows than the form allows", () => {
    const rows = ["Python", "Go", "Rust", "Java"].flatMap((s, i): [string, string][] => [
      [`skills[${i}].skill`, s],
      [`skills[${i}].level`, "2"],
    ]);
    expect(errorsOf(rows).skills).toEqual(["List at most 3 skills"]);
  });
});

describe("resolveSkillRows", () => {
  test("turns names and aliases into slugs; the higher level wins when two rows name one skill", async () => {
    const result = await resolveSkillRows(db, [
      { skill: "js", level: 2, index: 0 },
      { skill: "k8s", level: 1, index: 1 },
      { skill: "JavaScript", level: 3, index: 2 },
    ]);
    expect(result).toEqual({
      ok: true,
      skills: [
        { slug: "javascript", level: 3 },
        { slug: "kubernetes", level: 1 },
      ],
    });
  });

  test("names the unknown skills and their rows, for a message on each", async () => {
    const result = await resolveSkillRows(db, [
      { skill: "Python", level: 2, index: 0 },
      { skill: "foo", level: 1, index: 3 },
    ]);
    expect(result).toEqual({ ok: false, unknown: ["foo"], rows: [{ skill: "foo", index: 3 }] });
    expect(unknownSkillErrors("skills", result.ok ? [] : result.rows)).toEqual({
      "skills[3].skill": ["We don't know “foo” — pick a skill from the list"],
    });
  });
});
