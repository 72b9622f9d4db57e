// What the server writes to its log about an error: what failed and where, never the values a
// request carried. why: a database error names its query's parameters (drizzle puts them in the
// message, postgres.js on the error), and those are people's names, statements and answers.

type Described = { name: string; message: string; code?: string; stack: string[] };

const PARAMS_IN_MESSAGE = /\nparams: [\s\S]*$/;

function describe(error: unknown): Described {
  if (!(error instanceof Error)) return { name: "Thrown value", message: typeof error, stack: [] };
  const message = error.message.replace(PARAMS_IN_MESSAGE, "\nparams: (not logged)");
  const raw = (error as Error & { code?: unknown }).code;
  const code = typeof raw === "string" ? raw : undefined;
  // The stack's first line repeats the message (with the parameters): keep only the frames.
  const stack = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return { name: error.name, message, ...(code ? { code } : {}), stack };
}

/** One log entry for an error and its causes: names, messages without parameters, codes, frames. */
export function errorForLog(error: unknown) {
  const lines: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current !== undefined && depth < 5; depth++) {
    const d = describe(current);
    lines.push(`${depth ? "caused by " : ""}${d.name}${d.code ? ` [${d.code}]` : ""}: ${d.message}`, ...d.stack.slice(0, depth ? 3 : 10));
    current = current instanceof Error ? (current as Error & { cause?: unknown }).cause : undefined;
  }
  return lines.join("\n");
}
