import { eq } from "drizzle-orm";
import { normalizeEmail } from "~/modules/accounts/accounts.server";
import { closeDb, getDb } from "../client.server";
import { ensureDatabase } from "../connect.server";
import { users } from "../schema";

// npm run admin:grant -- <email>: makes an existing account an admin.
const email = process.argv[2];
if (!email) {
  console.error("Usage: npm run admin:grant -- <email>");
  process.exit(2);
}
const { embedded } = await ensureDatabase();
try {
  const [user] = await getDb()
    .update(users)
    .set({ role: "admin", updatedAt: new Date() })
    .where(eq(users.email, normalizeEmail(email)))
    .returning({ email: users.email });
  if (user) {
    console.log(`${user.email} is now an admin.`);
  } else {
    console.error(`No account uses ${email}. They must sign up first.`);
    process.exitCode = 1;
  }
} finally {
  await closeDb();
  await embedded?.stop();
}
