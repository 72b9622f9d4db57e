CREATE TYPE "public"."application_status" AS ENUM('submitted', 'shortlisted', 'match_proposed', 'introduced', 'not_selected', 'withdrawn');--> statement-breakpoint
CREATE TYPE "public"."match_source" AS ENUM('round', 'application');--> statement-breakpoint
CREATE TYPE "public"."match_status" AS ENUM('proposed', 'rejected', 'introduced', 'interviewing', 'confirmed', 'active', 'completed', 'not_proceeding');--> statement-breakpoint
CREATE TABLE "applications" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"statement" text NOT NULL,
	"answers" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "application_status" DEFAULT 'submitted' NOT NULL,
	"shortlist_rank" integer,
	"decline_reason" text,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "applications_statement_length" CHECK (char_length("applications"."statement") between 1 and 4000),
	CONSTRAINT "applications_shortlist_rank" CHECK ("applications"."shortlist_rank" is null or "applications"."shortlist_rank" >= 1)
);
--> statement-breakpoint
CREATE TABLE "slot_stars" (
	"student_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "slot_stars_student_id_slot_id_pk" PRIMARY KEY("student_id","slot_id"),
	CONSTRAINT "slot_stars_position" CHECK ("slot_stars"."position" >= 1)
);
--> statement-breakpoint
CREATE TABLE "match_rounds" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"run_by" uuid,
	"list_length" integer NOT NULL,
	"stats" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"slot_id" uuid NOT NULL,
	"student_id" uuid NOT NULL,
	"source" "match_source" NOT NULL,
	"round_id" uuid,
	"application_id" uuid,
	"proposed_by" uuid,
	"score" integer NOT NULL,
	"reasons" jsonb NOT NULL,
	"warnings" text[] DEFAULT '{}'::text[] NOT NULL,
	"status" "match_status" DEFAULT 'proposed' NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"closing_reason" text,
	"introduced_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matches_score_range" CHECK ("matches"."score" between 0 and 100),
	CONSTRAINT "matches_reason_when_closed" CHECK ("matches"."status" not in ('rejected', 'not_proceeding') or "matches"."closing_reason" is not null)
);
--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "applications" ADD CONSTRAINT "applications_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_stars" ADD CONSTRAINT "slot_stars_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_stars" ADD CONSTRAINT "slot_stars_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_rounds" ADD CONSTRAINT "match_rounds_run_by_users_id_fk" FOREIGN KEY ("run_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_student_id_users_id_fk" FOREIGN KEY ("student_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_round_id_match_rounds_id_fk" FOREIGN KEY ("round_id") REFERENCES "public"."match_rounds"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_application_id_applications_id_fk" FOREIGN KEY ("application_id") REFERENCES "public"."applications"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_proposed_by_users_id_fk" FOREIGN KEY ("proposed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "applications_slot_student_unique" ON "applications" USING btree ("slot_id","student_id");--> statement-breakpoint
CREATE INDEX "applications_student_idx" ON "applications" USING btree ("student_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matches_live_pair_unique" ON "matches" USING btree ("slot_id","student_id") WHERE "matches"."status" not in ('rejected', 'not_proceeding', 'completed');--> statement-breakpoint
CREATE INDEX "matches_status_idx" ON "matches" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "matches_student_idx" ON "matches" USING btree ("student_id");