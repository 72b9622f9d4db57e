import { hash, verify } from "@node-rs/argon2";

// OWASP's argon2id minimum: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string) {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string) {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// why: verifying against a real hash when the account does not exist keeps login time
// the same either way, so timing does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;
export async function spendPasswordTime(password: string) {
  dummyHash ??= hashPassword("steppingstone-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
