import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cleanText, GATE_MESSAGES, gateEntries, MAX_FIELD_LENGTH, parseForm, UNKNOWN_BUTTON } from "./gate";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

describe("cleanText", () => {
  it("puts text in NFC, writes line breaks as \\n and trims the ends", () => {
    // "e" + combining acute accent becomes the one character "é".
    expect(cleanText("  Universite\u0301 de Montre\u0301al \r\n")).toEqual({ value: "Université de Montréal" });
    expect(cleanText("line one\r\nline two\rline three")).toEqual({ value: "line one\nline two\nline three" });
  });

  it("keeps tabs, newlines, emoji, right-to-left text and markup as they are", () => {
    for (const text of ["a\tb\nc", "Rust 🦀 and Go", "جامعة تورنتو", "<b>bold</b> & <script>"]) expect(cleanText(text)).toEqual({ value: text });
  });

  it("refuses NUL, other C0 and C1 controls and DEL, and gives the text back without them", () => {
    for (const control of ["\u0000", "\u0007", "\u001b", "\u007f", "\u0085", "\u009f"]) {
      expect(cleanText(`Toron${control}to`)).toEqual({ value: "Toronto", problem: "control" });
    }
  });

  it("refuses more text than any field takes", () => {
    const result = cleanText("x".repeat(MAX_FIELD_LENGTH + 1));
    expect(result.problem).toBe("tooLong");
    expect(cleanText("x".repeat(MAX_FIELD_LENGTH)).problem).toBeUndefined();
  });
});

describe("gateEntries", () => {
  it("names each refused field and cleans the rest of a form", () => {
    const { entries, errors } = gateEntries(form([["city", "Tor\u0000onto"], ["name", " Amara "], ["skills", "go"], ["skills", "rust\u0001"]]));
    expect(errors).toEqual({ city: [GATE_MESSAGES.control], skills: [GATE_MESSAGES.control] });
    expect([...entries.entries()]).toEqual([["city", "Toronto"], ["name", "Amara"], ["skills", "go"], ["skills", "rust"]]);
  });

  it("refuses a form whose field name carries a control character, as a whole", () => {
    expect(gateEntries(new URLSearchParams("q%00=a")).errors).toEqual({ "": [GATE_MESSAGES.control] });
  });
});

describe("parseForm", () => {
  const schema = z.object({ name: z.string().max(100), city: z.string().optional() });

  it("lets a clean form through to the schema, normalised", () => {
    const submission = parseForm(form([["name", " Amara  "], ["city", "Montre\u0301al"]]), { schema });
    expect(submission.status).toBe("success");
    expect(submission.status === "success" && submission.value).toEqual({ name: "Amara", city: "Montréal" });
  });

  it("cannot succeed with a refused field, even one the schema would take, and keeps what was typed", () => {
    const submission = parseForm(form([["name", "Amara"], ["city", "Mont\u0000real"]]), { schema });
    expect(submission.status).toBe("error");
    const result = submission.reply();
    expect(result.error).toEqual({ city: [GATE_MESSAGES.control] });
    expect(result.initialValue).toEqual({ name: "Amara", city: "Montreal" });
  });

  it("keeps the schema's messages on other fields beside the gate's", () => {
    const submission = parseForm(form([["name", "n".repeat(101)], ["city", "\u0000"]]), { schema });
    expect(submission.reply().error).toEqual({ name: [expect.stringMatching(/100/)], city: [GATE_MESSAGES.control] });
  });

  it("shows an unknown button on the form as a whole", () => {
    const buttons = z.discriminatedUnion("intent", [z.object({ intent: z.literal("save") }), z.object({ intent: z.literal("submit") })], { error: UNKNOWN_BUTTON });
    const submission = parseForm(form([["intent", "SAVE"]]), { schema: buttons });
    expect(submission.status).toBe("error");
    expect(submission.reply().error).toEqual({ "": [UNKNOWN_BUTTON] });
  });

  it("hands a list button back as an intent, and refuses one Conform cannot read instead of throwing", () => {
    const lists = z.object({ name: z.string().optional(), rows: z.array(z.object({ title: z.string().optional() })).optional() });
    const insert = parseForm(form([["rows[0].title", "One"], ["__intent__", JSON.stringify({ type: "insert", payload: { name: "rows" } })]]), { schema: lists });
    expect(insert.status).toBeUndefined();
    expect(insert.reply().initialValue).toEqual({ rows: [{ title: "One" }, undefined] });
    for (const [field, value] of [["__intent__", "not json"], ["__intent__", JSON.stringify({ type: "insert", payload: { name: "name" } })], ["__state__", "{"]]) {
      const refused = parseForm(form([["name", "Amara"], [field!, value!]]), { schema: lists });
      expect(refused.status).toBe("error");
      expect(refused.reply().error).toEqual({ "": [UNKNOWN_BUTTON] });
    }
  });
});
