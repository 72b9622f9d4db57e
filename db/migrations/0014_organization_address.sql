ALTER TYPE "public"."reminder_kind" ADD VALUE 'document_unsigned';--> statement-breakpoint
ALTER TABLE "organizations" ADD COLUMN "address" text;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_address_length" CHECK ("organizations"."address" is null or char_length("organizations"."address") <= 300);