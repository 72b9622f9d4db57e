// The preference lists of `npm run match`'s result (scripts/match.ts), written as UTF-8 bytes
// straight from the round's packed lists: 2.5 million ids on a 50,000-student round, so no
// string is built per entry. Used by the command's main thread and by its helper
// (match.worker.ts); nothing here reads the instance's records, only ids and the lists.

/** Ids as JSON strings, encoded once: id i is bytes offsets[i] to offsets[i + 1] − 1. */
export type EncodedIds = { bytes: Uint8Array; offsets: Int32Array };

export function encodeIds(ids: readonly string[]): EncodedIds {
  const encoder = new TextEncoder();
  const offsets = new Int32Array(ids.length + 1);
  let bytes = new Uint8Array(Math.max(16, ids.length * 12));
  let at = 0;
  ids.forEach((id, i) => {
    const quoted = JSON.stringify(id);
    // A UTF-16 unit takes at most 3 bytes in UTF-8.
    if (at + quoted.length * 3 > bytes.length) bytes = grow(bytes, at + quoted.length * 3);
    at += encoder.encodeInto(quoted, bytes.subarray(at)).written;
    offsets[i + 1] = at;
  });
  return { bytes: bytes.slice(0, at), offsets };
}

function grow(bytes: Uint8Array, needed: number) {
  const more = new Uint8Array(Math.max(needed, bytes.length * 2));
  more.set(bytes);
  return more;
}

/** What the preferences part is written from: the ids, the round's packed lists. */
export type ListsInput = {
  /** Each student's id, in the input's order (= compiled order). */
  studentIds: EncodedIds;
  /** Each slot's id, in compiled order. */
  slotIds: EncodedIds;
  /** Where each compiled slot stood in the input. */
  inputPosition: Int32Array;
  /** The round's lists (round.ts, Preferences): student s's entries start[s] to start[s + 1] − 1. */
  start: Int32Array;
  slots: Int32Array;
  keys: Float64Array;
  /** Each entry's score (0–100), and each student's rank by id (compile.ts, studentOrder). */
  scores: Int16Array;
  studentOrder: Int32Array;
};

/** round.ts's slot-side key of a pair it scored (no mentor ranking): score first, then id. */
const ORDER_SPAN = 2 ** 31;
const MAX_SCORE = 100;

const ascii = (text: string) => Uint8Array.from(text, (ch) => ch.charCodeAt(0));
const OPEN = ascii('"preferences":{"students":{');
const MIDDLE = ascii('\n},\n"slots":{');
const CLOSE = ascii("\n}},\n");
const COMMA = 44;
const NEWLINE = 10;
const COLON = 58;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;

/**
 * `"preferences":{"students":{…},"slots":{…}},` and a newline, a line per student and per slot:
 * for each student their list best first; for each slot (in the input's order) the students who
 * listed it, best first by the slot's key (keys are distinct within a slot, so the order is the
 * one describeRound in round.ts gives).
 */
export function listsBytes(input: ListsInput): Uint8Array {
  const { studentIds, slotIds, inputPosition, start, slots, keys, scores, studentOrder } = input;
  const S = studentIds.offsets.length - 1;
  const T = slotIds.offsets.length - 1;
  // Every entry is written twice (once per side) with a comma; each line adds its owner's id.
  const longestSlot = maxLength(slotIds);
  const longestStudent = maxLength(studentIds);
  const size = OPEN.length + MIDDLE.length + CLOSE.length + slots.length * (longestSlot + longestStudent + 2) + studentIds.bytes.length + slotIds.bytes.length + (S + T) * 6;
  const out = new Uint8Array(size);
  let at = 0;
  const startLine = (first: boolean, ids: EncodedIds, i: number) => {
    if (!first) out[at++] = COMMA;
    out[at++] = NEWLINE;
    at = put(out, at, ids, i);
    out[at++] = COLON;
    out[at++] = OPEN_LIST;
  };

  out.set(OPEN, at);
  at += OPEN.length;
  for (let s = 0; s < S; s++) {
    startLine(s === 0, studentIds, s);
    for (let e = start[s]!; e < start[s + 1]!; e++) {
      if (e > start[s]!) out[at++] = COMMA;
      at = put(out, at, slotIds, slots[e]!);
    }
    out[at++] = CLOSE_LIST;
  }
  out.set(MIDDLE, at);
  at += MIDDLE.length;

  // Each slot's students best first. A slot's key is its mentor's ranking, else score then id
  // (round.ts, assemblePreferences). So each slot's entries are laid out in one run, students in
  // id order, and each run is then counted out by score, best first, which keeps id order within
  // a score. A slot whose keys are not score-then-id (its mentor ranked students) is sorted by key.
  const E = slots.length;
  const runStart = new Int32Array(T + 1);
  for (let e = 0; e < E; e++) runStart[slots[e]! + 1]!++;
  for (let t = 0; t < T; t++) runStart[t + 1]! += runStart[t]!;
  const byOrder = new Int32Array(S);
  for (let s = 0; s < S; s++) byOrder[studentOrder[s]!] = s;
  const ranked = new Uint8Array(T);
  let anyRanked = false;
  for (let s = 0; s < S; s++) {
    const idKey = ORDER_SPAN - 1 - studentOrder[s]!;
    for (let e = start[s]!; e < start[s + 1]!; e++) {
      if (keys[e] !== scores[e]! * ORDER_SPAN + idKey) {
        ranked[slots[e]!] = 1;
        anyRanked = true;
      }
    }
  }
  // Student and score of each entry, packed (student × 128 + score), in runs by slot.
  const fill = runStart.slice(0, T);
  const packed = new Int32Array(E);
  const entryOf = anyRanked ? new Int32Array(E) : null;
  for (let o = 0; o < S; o++) {
    const s = byOrder[o]!;
    for (let e = start[s]!; e < start[s + 1]!; e++) {
      const at = fill[slots[e]!]!++;
      packed[at] = s * 128 + scores[e]!;
      if (entryOf) entryOf[at] = e;
    }
  }
  const runStudents = new Int32Array(E);
  const count = new Int32Array(MAX_SCORE + 2);
  for (let t = 0; t < T; t++) {
    const from = runStart[t]!;
    const to = runStart[t + 1]!;
    if (ranked[t]) {
      const run = entryOf!.subarray(from, to).sort((a, b) => keys[b]! - keys[a]!);
      for (let j = 0; j < run.length; j++) runStudents[from + j] = studentOfEntry(start, run[j]!);
      continue;
    }
    count.fill(0);
    for (let j = from; j < to; j++) count[MAX_SCORE - (packed[j]! & 127) + 1]!++;
    for (let k = 0; k <= MAX_SCORE; k++) count[k + 1]! += count[k]!;
    for (let j = from; j < to; j++) runStudents[from + count[MAX_SCORE - (packed[j]! & 127)]!++] = packed[j]! >> 7;
  }

  const byInput = new Int32Array(T);
  for (let t = 0; t < T; t++) byInput[inputPosition[t]!] = t;
  for (let i = 0; i < T; i++) {
    const t = byInput[i]!;
    startLine(i === 0, slotIds, t);
    for (let j = runStart[t]!; j < runStart[t + 1]!; j++) {
      if (j > runStart[t]!) out[at++] = COMMA;
      at = put(out, at, studentIds, runStudents[j]!);
    }
    out[at++] = CLOSE_LIST;
  }
  out.set(CLOSE, at);
  at += CLOSE.length;
  return out.subarray(0, at);
}

/** The student whose list holds entry e (binary search over the lists' starts). */
function studentOfEntry(start: Int32Array, e: number) {
  let lo = 0;
  let hi = start.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (start[mid]! <= e) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Id i's bytes into `out` at `at`; where the next byte goes. */
function put(out: Uint8Array, at: number, ids: EncodedIds, i: number) {
  const bytes = ids.bytes;
  const to = ids.offsets[i + 1]!;
  for (let j = ids.offsets[i]!; j < to; j++) out[at++] = bytes[j]!;
  return at;
}

function maxLength(ids: EncodedIds) {
  let longest = 0;
  for (let i = 0; i + 1 < ids.offsets.length; i++) longest = Math.max(longest, ids.offsets[i + 1]! - ids.offsets[i]!);
  return longest;
}
