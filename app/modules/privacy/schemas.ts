import { z } from "zod";

// One schema per form, used by the server (parseWithZod) and the browser (Conform).

export const DeleteAccountSchema = z.object({
  password: z.string({ error: "Enter your password to confirm" }).min(1, "Enter your password to confirm").max(128, "Use at most 128 characters"),
});
