import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export type EmbeddedDatabase = { url: string; stop: () => Promise<void> };

const LOCK_FILE = "embedded.json";

function isAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function answers(port: number) {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

type QueuedMessage = {
  handlerId: number;
  message: Uint8Array;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  onData: (data: Uint8Array) => void;
};
type QueryQueue = {
  queue: QueuedMessage[];
  processing: boolean;
  lastHandlerId: number | null;
  processQueue: () => Promise<void>;
  clearQueueForHandler: (handlerId: number) => void;
};

const SYNC = 0x53;
const EXECUTE = 0x45;
const SIMPLE_QUERY = 0x51;
const TERMINATE = 0x58;
const STARTUP = 0x00;
/** A connection that stops mid-exchange for this long loses its hold on the backend. */
const PIN_IDLE_MS = 2_000;

/**
 * why: PGlite has one backend for every socket connection, and pglite-socket 0.2.17 queues
 * each protocol message on its own, keeping a connection's turn only inside a transaction.
 * postgres.js runs a parameterised query as Parse/Describe/Sync, then Bind/Execute/Sync on the
 * *unnamed* statement; another connection's Parse in between replaces that statement ("bind
 * message supplies 1 parameters, but prepared statement "" requires 2"). So a connection keeps
 * the backend from its first message until the Sync that follows an Execute (or a simple
 * query), as a real server's per-connection backend would.
 */
function keepExtendedQueriesTogether(server: PGLiteSocketServer, db: PGlite) {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  let pinned: number | null = null;
  let executed = false;
  let idleTimer: NodeJS.Timeout | undefined;

  const release = (handlerId: number) => {
    if (pinned !== handlerId) return;
    pinned = null;
    executed = false;
    void queue.processQueue();
  };

  queue.processQueue = async () => {
    if (queue.processing || queue.queue.length === 0) return;
    queue.processing = true;
    clearTimeout(idleTimer);
    try {
      while (queue.queue.length > 0) {
        const owner = pinned ?? (db.isInTransaction() ? queue.lastHandlerId : null);
        const index = owner === null ? 0 : queue.queue.findIndex((item) => item.handlerId === owner);
        if (index === -1) {
          if (pinned !== null && !db.isInTransaction()) {
            const waitingFor = pinned;
            idleTimer = setTimeout(() => release(waitingFor), PIN_IDLE_MS);
          }
          break;
        }
        const [item] = queue.queue.splice(index, 1);
        if (!item) break;
        const type = item.message[0];
        let bytes = 0;
        try {
          await db.runExclusive(() =>
            db.execProtocolRawStream(item.message, {
              onRawData: (data: Uint8Array) => {
                bytes += data.length;
                item.onData(data);
              },
            }),
          );
        } catch (error) {
          pinned = null;
          executed = false;
          item.reject(error);
          continue;
        }
        queue.lastHandlerId = item.handlerId;
        if (type === EXECUTE) executed = true;
        const ends = type === SIMPLE_QUERY || type === TERMINATE || type === STARTUP || (type === SYNC && executed);
        if (ends) {
          pinned = null;
          executed = false;
        } else if (pinned === null) {
          pinned = item.handlerId;
        }
        item.resolve(bytes);
      }
    } finally {
      queue.processing = false;
    }
  };

  const clear = queue.clearQueueForHandler.bind(queue);
  queue.clearQueueForHandler = (handlerId) => {
    clear(handlerId);
    release(handlerId);
  };
}

const urlFor = (port: number) => `postgres://postgres@127.0.0.1:${port}/postgres`;

/**
 * Serves PostgreSQL (PGlite) on a local port so every client speaks plain `postgres://`.
 * `dataDir` is a folder (persisted) or `memory://` (gone when the process ends).
 * PGlite must have one owner per folder: if another live process already serves `dataDir`,
 * its URL is returned and nothing is started.
 */
export async function startEmbeddedDatabase(options: {
  dataDir: string;
  port?: number;
}): Promise<EmbeddedDatabase> {
  const inMemory = options.dataDir.startsWith("memory://");
  const lockPath = inMemory ? null : path.join(options.dataDir, LOCK_FILE);

  if (lockPath && existsSync(lockPath)) {
    const lock = JSON.parse(readFileSync(lockPath, "utf8")) as { pid: number; port: number };
    if (lock.pid !== process.pid && isAlive(lock.pid) && (await answers(lock.port))) {
      return { url: urlFor(lock.port), stop: async () => {} };
    }
  }

  if (!inMemory) mkdirSync(options.dataDir, { recursive: true });
  const db = await PGlite.create(inMemory ? undefined : path.join(options.dataDir, "pgdata"));
  const port = options.port ?? (await freePort());
  const server = new PGLiteSocketServer({ db, port, host: "127.0.0.1", maxConnections: 64 });
  keepExtendedQueriesTogether(server, db);
  await server.start();
  if (lockPath) writeFileSync(lockPath, JSON.stringify({ pid: process.pid, port }));

  let stopped = false;
  return {
    url: urlFor(port),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
      await db.close();
      if (lockPath) rmSync(lockPath, { force: true });
    },
  };
}
