import { z } from "zod";
import { isCommonPassword } from "./common-passwords";

// One schema per form, used by the server (parseWithZod) and the browser (Conform).

const email = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .pipe(z.email({ error: "Enter a valid email address, like name@example.org" }));

export const newPassword = z
  .string({ error: "Choose a password" })
  .min(8, "Use at least 8 characters")
  .max(128, "Use at most 128 characters")
  .refine((p) => !isCommonPassword(p), "This password is one of the most common ones — choose something harder to guess");

const confirmPassword = z.string({ error: "Type the password again" });
const passwordsMatch = { message: "The two passwords do not match", path: ["confirmPassword"] };

export const SignupSchema = z.object({
  name: z.string({ error: "Enter your name" }).trim().min(1, "Enter your name").max(100, "Use at most 100 characters"),
  email,
  password: newPassword,
  role: z.enum(["student", "mentor"], { error: "Choose whether you are a student or a mentor" }),
  /** The page to come back to once the address is confirmed and the person logs in (an invitation). */
  redirectTo: z.string().optional(),
});

export const LoginSchema = z.object({
  email,
  password: z.string({ error: "Enter your password" }).max(128, "Use at most 128 characters"),
  redirectTo: z.string().optional(),
});

export const ForgotPasswordSchema = z.object({ email });

export const ResetPasswordSchema = z
  .object({ token: z.string({ error: "The reset link is missing its code" }), password: newPassword, confirmPassword })
  .refine((v) => v.password === v.confirmPassword, passwordsMatch);

export const ChangePasswordSchema = z
  .object({
    currentPassword: z.string({ error: "Enter your current password" }).max(128),
    password: newPassword,
    confirmPassword,
  })
  .refine((v) => v.password === v.confirmPassword, passwordsMatch);

export type SignupInput = z.infer<typeof SignupSchema>;
