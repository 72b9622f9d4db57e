import { useCallback, useState } from "react";

// why: the slot list sends no skill names (341 of them were a third of its HTML); the search box
// asks /skills.json for them the first time someone focuses it, and the browser keeps that file.
// Without JavaScript the box still takes a typed name, slug or alias.
let names: Promise<string[]> | null = null;

function loadNames(): Promise<string[]> {
  names ??= fetch("/skills.json", { headers: { Accept: "application/json" } })
    .then((response) => (response.ok ? (response.json() as Promise<string[]>) : Promise.reject(new Error(String(response.status)))))
    .catch(() => {
      // A failed load may be tried again on the next focus.
      names = null;
      return [];
    });
  return names;
}

/** The taxonomy's names, empty until `load` (call it on focus) has fetched them. */
export function useSkillNames() {
  const [list, setList] = useState<string[]>([]);
  const load = useCallback(() => {
    if (list.length === 0) void loadNames().then(setList);
  }, [list.length]);
  return { names: list, load };
}
