import { gateEntries, refusedAny } from "./gate";

/** Far more than any of our forms sends (a slot with every question and a long plan is ~40 kB); server/body-limit.ts refuses more. */
export const MAX_FORM_BYTES = 1_000_000;

const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(;|$)/i;

/**
 * The body of a form post, or a 4xx that says why it cannot be read: not a form (415), or a
 * form the browser could not have sent (400); one too large never gets here (server/body-limit.ts).
 * An action reads its body only through here, so no body of any shape reaches a handler as an
 * exception.
 */
export async function readForm(request: Request): Promise<FormData> {
  if (!FORM_TYPES.test(request.headers.get("Content-Type") ?? "")) {
    throw new Response("Steppingstone expected a form here. Send it from the page's own form.", { status: 415 });
  }
  try {
    return await request.formData();
  } catch {
    throw new Response("This form could not be read. Reload the page and send it again.", { status: 400 });
  }
}

/**
 * A form's fields for an action that reads them without Conform (one button, one id): the
 * gate's cleaned values, or a 400 naming what it refused. A button that acts on a form read with
 * readForm passes it through here first, so a form the gate refuses changes nothing on any path.
 */
export function requireCleanForm(formData: FormData): FormData {
  const { entries, errors } = gateEntries(formData);
  if (refusedAny(errors)) throw new Response(Object.values(errors)[0]![0], { status: 400 });
  return entries;
}

/** readForm, then requireCleanForm. */
export async function readGatedForm(request: Request): Promise<FormData> {
  return requireCleanForm(await readForm(request));
}

/** The query string through the gate: cleaned values, and the names of parameters it refused (left out). */
export function readQuery(request: Request): { params: URLSearchParams; refused: string[] } {
  const { entries, errors } = gateEntries(new URL(request.url).searchParams);
  for (const name of Object.keys(errors)) entries.delete(name);
  return { params: entries, refused: Object.keys(errors) };
}
