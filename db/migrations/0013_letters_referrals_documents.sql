CREATE TYPE "public"."document_kind" AS ENUM('experience_verification', 'completion_certificate');--> statement-breakpoint
CREATE TYPE "public"."letter_format" AS ENUM('written', 'uploaded');--> statement-breakpoint
CREATE TYPE "public"."letter_purpose" AS ENUM('graduate_school', 'jobs', 'program');--> statement-breakpoint
CREATE TYPE "public"."letter_state" AS ENUM('requested', 'writing', 'ready', 'declined');--> statement-breakpoint
CREATE TYPE "public"."referral_method" AS ENUM('internal_tool', 'email_to_recruiter', 'other');--> statement-breakpoint
CREATE TYPE "public"."referral_outcome" AS ENUM('submitted', 'interviewing', 'offer', 'not_selected', 'no_answer');--> statement-breakpoint
CREATE TYPE "public"."referral_state" AS ENUM('requested', 'accepted', 'declined');--> statement-breakpoint
ALTER TYPE "public"."reminder_kind" ADD VALUE 'letter_due';--> statement-breakpoint
ALTER TYPE "public"."reminder_kind" ADD VALUE 'referral_nudge';--> statement-breakpoint
CREATE TABLE "issued_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"kind" "document_kind" NOT NULL,
	"content" text NOT NULL,
	"requested_by" uuid,
	"signed_by" uuid,
	"signer_name" text,
	"signer_title" text,
	"signed_at" timestamp with time zone,
	"verification_code" text,
	"issued_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "issued_documents_issued" CHECK ("issued_documents"."issued_at" is null or ("issued_documents"."signed_at" is not null and "issued_documents"."signer_name" is not null and "issued_documents"."verification_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "letter_deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"letter_id" uuid NOT NULL,
	"recipient_name" text NOT NULL,
	"recipient_email" text NOT NULL,
	"message" text,
	"token_id" text NOT NULL,
	"secret_hash" text NOT NULL,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"email_id" uuid,
	"first_viewed_at" timestamp with time zone,
	"view_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "letter_views" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"delivery_id" uuid NOT NULL,
	"viewed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "recommendation_letters" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"mentor_id" uuid,
	"purpose" "letter_purpose" NOT NULL,
	"purpose_detail" text,
	"due_date" date NOT NULL,
	"waived" boolean NOT NULL,
	"request_note" text,
	"state" "letter_state" DEFAULT 'requested' NOT NULL,
	"format" "letter_format",
	"body" text,
	"pdf" "bytea",
	"pdf_name" text,
	"writer_name" text,
	"writer_title" text,
	"decline_reason" text,
	"verification_code" text,
	"ready_at" timestamp with time zone,
	"declined_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "recommendation_letters_ready" CHECK ("recommendation_letters"."state" <> 'ready' or ("recommendation_letters"."format" is not null and "recommendation_letters"."verification_code" is not null and "recommendation_letters"."ready_at" is not null)),
	CONSTRAINT "recommendation_letters_declined" CHECK ("recommendation_letters"."state" <> 'declined' or "recommendation_letters"."decline_reason" is not null),
	CONSTRAINT "recommendation_letters_body_length" CHECK ("recommendation_letters"."body" is null or char_length("recommendation_letters"."body") <= 20000),
	CONSTRAINT "recommendation_letters_pdf_size" CHECK ("recommendation_letters"."pdf" is null or octet_length("recommendation_letters"."pdf") <= 5242880)
);
--> statement-breakpoint
CREATE TABLE "referrals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"mentor_id" uuid,
	"company" text NOT NULL,
	"role" text NOT NULL,
	"posting_url" text,
	"note" text,
	"state" "referral_state" DEFAULT 'requested' NOT NULL,
	"method" "referral_method",
	"method_note" text,
	"referred_on" date,
	"decline_reason" text,
	"outcome" "referral_outcome",
	"outcome_by" uuid,
	"last_update_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "referrals_posting_url" CHECK ("referrals"."posting_url" is null or "referrals"."posting_url" ~ '^https?://'),
	CONSTRAINT "referrals_accepted" CHECK ("referrals"."state" <> 'accepted' or ("referrals"."method" is not null and "referrals"."referred_on" is not null)),
	CONSTRAINT "referrals_declined" CHECK ("referrals"."state" <> 'declined' or "referrals"."decline_reason" is not null),
	CONSTRAINT "referrals_outcome_after_accept" CHECK ("referrals"."outcome" is null or "referrals"."state" = 'accepted')
);
--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_requested_by_users_id_fk" FOREIGN KEY ("requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "issued_documents" ADD CONSTRAINT "issued_documents_signed_by_users_id_fk" FOREIGN KEY ("signed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_deliveries" ADD CONSTRAINT "letter_deliveries_letter_id_recommendation_letters_id_fk" FOREIGN KEY ("letter_id") REFERENCES "public"."recommendation_letters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_deliveries" ADD CONSTRAINT "letter_deliveries_email_id_emails_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."emails"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "letter_views" ADD CONSTRAINT "letter_views_delivery_id_letter_deliveries_id_fk" FOREIGN KEY ("delivery_id") REFERENCES "public"."letter_deliveries"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_letters" ADD CONSTRAINT "recommendation_letters_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "recommendation_letters" ADD CONSTRAINT "recommendation_letters_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_mentor_id_users_id_fk" FOREIGN KEY ("mentor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "referrals" ADD CONSTRAINT "referrals_outcome_by_users_id_fk" FOREIGN KEY ("outcome_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "issued_documents_match_idx" ON "issued_documents" USING btree ("match_id");--> statement-breakpoint
CREATE UNIQUE INDEX "issued_documents_code_unique" ON "issued_documents" USING btree ("verification_code");--> statement-breakpoint
CREATE UNIQUE INDEX "letter_deliveries_token_unique" ON "letter_deliveries" USING btree ("token_id");--> statement-breakpoint
CREATE INDEX "letter_deliveries_letter_idx" ON "letter_deliveries" USING btree ("letter_id");--> statement-breakpoint
CREATE INDEX "letter_views_delivery_idx" ON "letter_views" USING btree ("delivery_id","viewed_at");--> statement-breakpoint
CREATE INDEX "recommendation_letters_match_idx" ON "recommendation_letters" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "recommendation_letters_mentor_idx" ON "recommendation_letters" USING btree ("mentor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "recommendation_letters_code_unique" ON "recommendation_letters" USING btree ("verification_code");--> statement-breakpoint
CREATE INDEX "referrals_match_idx" ON "referrals" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "referrals_mentor_idx" ON "referrals" USING btree ("mentor_id");