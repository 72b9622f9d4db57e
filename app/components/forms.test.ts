import { useForm, type SubmissionResult } from "@conform-to/react";
import { createElement as h } from "react";
import { renderToString } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { parseForm } from "~/forms/gate";
import { Field, fieldList, hasFieldErrors, ListRows, optionsFrom, RemoveRowButton, SelectField, withEmptyRows } from "./forms";

// The kit as the server renders it: what a browser without JavaScript gets.

const schema = z.object({
  name: z.string({ error: "Give your name" }),
  city: z.string({ error: "Give your city" }),
  projects: z.array(z.object({ title: z.string().optional() })).optional(),
});

/** The reply an action sends back for these form entries. */
function replyTo(entries: [string, string][]): SubmissionResult<string[]> {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return parseForm(data, { schema }).reply();
}

function TestForm({ lastResult, projects }: { lastResult?: SubmissionResult<string[]>; projects: { title?: string }[] }) {
  const [form, fields] = useForm({ id: "test", lastResult, defaultValue: { name: "", city: "", projects } });
  return h(
    "form",
    { id: form.id },
    h(Field, { field: fields.name, label: "Name" }),
    h(Field, { field: fields.city, label: "City" }),
    h(ListRows, {
      form,
      field: fields.projects,
      legend: "Projects",
      addLabel: "Add a project",
      max: 3,
      lastResult,
      children: (row, i) =>
        h("div", null, h(Field, { field: row.getFieldset().title as never, label: `Title of project ${i + 1}` }), h(RemoveRowButton, { index: i, label: `Remove project ${i + 1}` })),
    }),
  );
}

type Element = { tag: string; attrs: Record<string, string>; text: string };

/** The inputs, buttons and labels of the server's HTML, in page order (the kit's markup is plain enough for a pattern). */
function render(props: Parameters<typeof TestForm>[0]): Element[] {
  const html = renderToString(h(TestForm, props));
  const decode = (v: string) => v.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  return [...html.matchAll(/<(input|textarea|select|button|label)\b([^>]*)>(?:([^<]*)<\/\1>)?/g)].map(([, tag, attrs, text]) => ({
    tag: tag!,
    attrs: Object.fromEntries([...attrs!.matchAll(/([\w-]+)(?:="([^"]*)")?/g)].map(([, name, value]) => [name!, decode(value ?? "")])),
    text: decode(text ?? ""),
  }));
}
const byLabel = (page: Element[], label: string) => {
  const id = page.find((e) => e.tag === "label" && e.text === label)?.attrs.for;
  return page.find((e) => e.tag !== "label" && e.attrs.id === id);
};
const button = (page: Element[], text: string) => page.find((e) => e.tag === "button" && (e.text === text || e.attrs["aria-label"] === text));
const focused = (page: Element[]) => page.filter((e) => "autofocus" in e.attrs);
const intent = (type: "insert" | "remove", payload: object): [string, string] => ["__intent__", JSON.stringify({ type, payload })];

describe("first-error focus in the server's HTML", () => {
  it("marks every invalid field autofocus, so the browser focuses the first in page order — no list of fields", () => {
    const page = render({ projects: [], lastResult: replyTo([]) });
    expect(focused(page).map((e) => e.attrs.name)).toEqual(["name", "city"]);
  });

  it("focuses nothing on a fresh form, or on a field that is fine", () => {
    expect(focused(render({ projects: [] }))).toEqual([]);
    expect(focused(render({ projects: [], lastResult: replyTo([["name", "Amara"]]) })).map((e) => e.attrs.name)).toEqual(["city"]);
  });
});

describe("ListRows without JavaScript", () => {
  it("posts Conform's list intents from plain submit buttons", () => {
    const page = render({ projects: [{ title: "Budget app" }] });
    const add = button(page, "Add a project")!;
    // why: Conform's button props leave out the type: a button in a form submits it.
    expect(add.attrs.type ?? "submit").toBe("submit");
    expect(add.attrs.name).toBe("__intent__");
    expect(JSON.parse(add.attrs.value!)).toMatchObject({ type: "insert", payload: { name: "projects" } });
    const remove = button(page, "Remove project 1")!;
    expect(remove.attrs.type ?? "submit").toBe("submit");
    expect(remove.attrs.name).toBe("__intent__");
    expect(JSON.parse(remove.attrs.value!)).toEqual({ type: "remove", payload: { name: "projects", index: 0 } });
  });

  it("comes back from an insert with the typed rows, a new row, and the focus in it", () => {
    const page = render({ projects: [{}], lastResult: replyTo([["name", "Amara"], ["projects[0].title", "Budget app"], intent("insert", { name: "projects" })]) });
    expect(byLabel(page, "Title of project 1")?.attrs.value).toBe("Budget app");
    expect(byLabel(page, "Title of project 2")?.attrs.value).toBeUndefined();
    expect(focused(page)).toEqual([byLabel(page, "Title of project 2")]);
    expect(byLabel(page, "Name")?.attrs.value).toBe("Amara");
  });

  it("comes back from a remove without the row, the focus on the row in its place, or on the add button when none is left", () => {
    const two: [string, string][] = [["projects[0].title", "One"], ["projects[1].title", "Two"]];
    const page = render({ projects: [{}], lastResult: replyTo([...two, intent("remove", { name: "projects", index: 0 })]) });
    expect(byLabel(page, "Title of project 1")?.attrs.value).toBe("Two");
    expect(button(page, "Remove project 2")).toBeUndefined();
    expect(focused(page)).toEqual([byLabel(page, "Title of project 1")]);

    const none = render({ projects: [{}], lastResult: replyTo([["projects[0].title", "One"], intent("remove", { name: "projects", index: 0 })]) });
    expect(button(none, "Remove project 1")).toBeUndefined();
    expect(focused(none)).toEqual([button(none, "Add a project")]);
  });

  it("has no add button once the list is full", () => {
    expect(button(render({ projects: [{}, {}, {}] }), "Add a project")).toBeUndefined();
  });
});

describe("list helpers", () => {
  it("withEmptyRows adds blank rows after the given ones, never past the maximum", () => {
    expect(withEmptyRows([{ skill: "Go" }], 3, 30)).toEqual([{ skill: "Go" }, {}, {}, {}]);
    expect(withEmptyRows(undefined, 1, 10)).toEqual([{}]);
    expect(withEmptyRows([{}, {}], 3, 3)).toEqual([{}, {}, {}]);
    expect(withEmptyRows([{}, {}, {}, {}], 3, 3)).toHaveLength(4);
  });

  it("fieldList gives no rows when the submitted value is not a list, where Conform throws", () => {
    expect(fieldList({ getFieldList: () => [1, 2] })).toEqual([1, 2]);
    expect(
      fieldList({
        getFieldList: () => {
          throw new Error("The initial value at the given name is not a list");
        },
      }),
    ).toEqual([]);
  });

  it("optionsFrom keeps the label table's order", () => {
    expect(optionsFrom({ remote: "Remote", hybrid: "Hybrid" })).toEqual([
      { value: "remote", label: "Remote" },
      { value: "hybrid", label: "Hybrid" },
    ]);
  });
});

describe("hasFieldErrors", () => {
  it("is true when the reply marks a field, not when it speaks only to the form as a whole", () => {
    expect(hasFieldErrors({ error: { email: ["Enter your email address"] } })).toBe(true);
    expect(hasFieldErrors({ error: { "": ["Wrong email or password"] } })).toBe(false);
    expect(hasFieldErrors({ error: { email: null, password: [] } })).toBe(false);
    expect(hasFieldErrors(undefined)).toBe(false);
  });
});

describe("SelectField", () => {
  const choice = z.object({ country: z.enum(["CA", "US"], { error: "Choose a country" }) });
  function ChoiceForm({ lastResult }: { lastResult: SubmissionResult<string[]> }) {
    const [form, fields] = useForm<{ country: string }>({ id: "choice", lastResult });
    const options = [{ value: "CA", label: "Canada" }, { value: "US", label: "United States" }];
    return h("form", { id: form.id }, h(SelectField, { field: fields.country, label: "Country", options, placeholder: "Choose" }));
  }

  it("shows the first of a one-choice field sent twice (a hand-made request), without React's warning", () => {
    const data = new FormData();
    data.append("country", "US");
    data.append("country", "CA");
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      const html = renderToString(h(ChoiceForm, { lastResult: parseForm(data, { schema: choice }).reply() }));
      expect(html).toMatch(/<option value="US" selected="">United States<\/option>/);
      expect(html).not.toMatch(/<option value="CA" selected=""/);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
