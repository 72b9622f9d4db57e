ALTER TABLE "issued_documents" ADD COLUMN "revoked_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD COLUMN "revoked_by" uuid;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD COLUMN "revocation_reason" text;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_revoked" CHECK ("issued_documents"."revoked_at" is null or ("issued_documents"."issued_at" is not null and "issued_documents"."revocation_reason" is not null));