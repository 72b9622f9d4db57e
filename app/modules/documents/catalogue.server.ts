import type { ComponentType } from "react";

// Every document in documents/ (one per file, each with PreviewProps, as emails are), for the
// previews at /dev/documents. A file without a default export that has PreviewProps (the kit,
// shared parts) is no document.

type DocumentModule = { default?: ComponentType<Record<string, unknown>> & { PreviewProps?: Record<string, unknown> } };

// why: a Vite glob, so a document added to documents/ is listed without being named here.
const modules = import.meta.glob<DocumentModule>(["../../../documents/*.tsx", "!../../../documents/*.test.tsx"]);

const nameOf = (path: string) => path.replace(/^.*\/documents\//, "").replace(/\.tsx$/, "");

export type DocumentPreview = { name: string; component: ComponentType<Record<string, unknown>>; previewProps: Record<string, unknown> };

/** The documents with preview props, by file name ("experience-verification-letter"), sorted. */
export async function listDocumentPreviews(): Promise<DocumentPreview[]> {
  const loaded = await Promise.all(Object.entries(modules).map(async ([path, load]) => ({ name: nameOf(path), module: await load() })));
  return loaded
    .filter(({ module }) => module.default?.PreviewProps)
    .map(({ name, module }) => ({ name, component: module.default!, previewProps: module.default!.PreviewProps! }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** One document by its file name, or null. */
export async function findDocumentPreview(name: string): Promise<DocumentPreview | null> {
  return (await listDocumentPreviews()).find((d) => d.name === name) ?? null;
}
