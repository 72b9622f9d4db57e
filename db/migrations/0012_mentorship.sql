CREATE TYPE "public"."email_cadence" AS ENUM('each', 'weekly_digest');--> statement-breakpoint
CREATE TYPE "public"."feedback_round" AS ENUM('midpoint', 'final');--> statement-breakpoint
CREATE TYPE "public"."feedback_side" AS ENUM('student', 'mentor');--> statement-breakpoint
CREATE TYPE "public"."follow_up_answer" AS ENUM('paid_internship', 'full_time_offer', 'still_searching', 'studying');--> statement-breakpoint
CREATE TYPE "public"."goal_source" AS ENUM('learning_plan', 'student_goal', 'added');--> statement-breakpoint
CREATE TYPE "public"."goal_state" AS ENUM('not_started', 'in_progress', 'done', 'dropped');--> statement-breakpoint
CREATE TYPE "public"."reminder_kind" AS ENUM('check_in_due', 'check_in_reply', 'introduction_reply', 'feedback_open', 'feedback_reminder', 'outcome_follow_up', 'messages', 'stall_nudge');--> statement-breakpoint
CREATE TYPE "public"."reminder_state" AS ENUM('sent', 'in_digest', 'digested');--> statement-breakpoint
CREATE TYPE "public"."return_offer_answer" AS ENUM('yes', 'no', 'pending');--> statement-breakpoint
CREATE TABLE "check_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"week" smallint NOT NULL,
	"done" text NOT NULL,
	"next" text NOT NULL,
	"blockers" text,
	"hours_worked" numeric(4, 1) NOT NULL,
	"mentor_hours_received" numeric(4, 1) NOT NULL,
	"late" boolean NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reply" text,
	"mentor_hours_given" numeric(4, 1),
	"replied_by" uuid,
	"replied_at" timestamp with time zone,
	CONSTRAINT "check_ins_week" CHECK ("check_ins"."week" between 1 and 104),
	CONSTRAINT "check_ins_hours_worked" CHECK ("check_ins"."hours_worked" between 0 and 80),
	CONSTRAINT "check_ins_mentor_hours_received" CHECK ("check_ins"."mentor_hours_received" between 0 and 40),
	CONSTRAINT "check_ins_mentor_hours_given" CHECK ("check_ins"."mentor_hours_given" is null or "check_ins"."mentor_hours_given" between 0 and 40),
	CONSTRAINT "check_ins_reply_complete" CHECK (("check_ins"."replied_at" is null) = ("check_ins"."reply" is null))
);
--> statement-breakpoint
CREATE TABLE "email_preferences" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"cadence" "email_cadence" DEFAULT 'each' NOT NULL,
	"last_digest_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "feedback_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"round" "feedback_round" NOT NULL,
	"side" "feedback_side" NOT NULL,
	"author_id" uuid,
	"answers" jsonb NOT NULL,
	"comment" text,
	"shared" boolean NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goal_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"goal_id" uuid NOT NULL,
	"url" text NOT NULL,
	"label" text,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "goal_evidence_url" CHECK ("goal_evidence"."url" ~ '^https?://')
);
--> statement-breakpoint
CREATE TABLE "match_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "match_messages_body_length" CHECK (char_length("match_messages"."body") between 1 and 5000)
);
--> statement-breakpoint
CREATE TABLE "match_outcomes" (
	"match_id" uuid PRIMARY KEY NOT NULL,
	"benefits" jsonb NOT NULL,
	"return_offer" "return_offer_answer" NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mentorship_goals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"title" text NOT NULL,
	"target_week" smallint NOT NULL,
	"state" "goal_state" DEFAULT 'not_started' NOT NULL,
	"source" "goal_source" NOT NULL,
	"benefit" "benefit",
	"done_confirmed_by" uuid,
	"done_confirmed_at" timestamp with time zone,
	"created_by" uuid,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mentorship_goals_title_length" CHECK (char_length("mentorship_goals"."title") between 1 and 200),
	CONSTRAINT "mentorship_goals_target_week" CHECK ("mentorship_goals"."target_week" between 1 and 104)
);
--> statement-breakpoint
CREATE TABLE "message_notices" (
	"match_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"emailed_through" timestamp with time zone NOT NULL,
	"last_emailed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "message_notices_match_id_user_id_pk" PRIMARY KEY("match_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "outcome_follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"match_id" uuid NOT NULL,
	"months" smallint NOT NULL,
	"secret_hash" text,
	"sent_at" timestamp with time zone DEFAULT now() NOT NULL,
	"answer" "follow_up_answer",
	"organization_name" text,
	"answered_at" timestamp with time zone,
	CONSTRAINT "outcome_follow_ups_months" CHECK ("outcome_follow_ups"."months" in (3, 6))
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" "reminder_kind" NOT NULL,
	"event_key" text NOT NULL,
	"user_id" uuid NOT NULL,
	"match_id" uuid,
	"state" "reminder_state" NOT NULL,
	"summary" text NOT NULL,
	"url" text,
	"email_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "started_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "matches" ADD COLUMN "completed_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "check_ins" ADD CONSTRAINT "check_ins_replied_by_users_id_fk" FOREIGN KEY ("replied_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_preferences" ADD CONSTRAINT "email_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_answers" ADD CONSTRAINT "feedback_answers_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "feedback_answers" ADD CONSTRAINT "feedback_answers_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_evidence" ADD CONSTRAINT "goal_evidence_goal_id_mentorship_goals_id_fk" FOREIGN KEY ("goal_id") REFERENCES "public"."mentorship_goals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "goal_evidence" ADD CONSTRAINT "goal_evidence_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_messages" ADD CONSTRAINT "match_messages_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_messages" ADD CONSTRAINT "match_messages_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD CONSTRAINT "match_outcomes_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_outcomes" ADD CONSTRAINT "match_outcomes_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_goals" ADD CONSTRAINT "mentorship_goals_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_goals" ADD CONSTRAINT "mentorship_goals_done_confirmed_by_users_id_fk" FOREIGN KEY ("done_confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mentorship_goals" ADD CONSTRAINT "mentorship_goals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_notices" ADD CONSTRAINT "message_notices_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_notices" ADD CONSTRAINT "message_notices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "outcome_follow_ups" ADD CONSTRAINT "outcome_follow_ups_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_email_id_emails_id_fk" FOREIGN KEY ("email_id") REFERENCES "public"."emails"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "check_ins_match_week_unique" ON "check_ins" USING btree ("match_id","week");--> statement-breakpoint
CREATE UNIQUE INDEX "feedback_answers_match_round_side_unique" ON "feedback_answers" USING btree ("match_id","round","side");--> statement-breakpoint
CREATE INDEX "goal_evidence_goal_idx" ON "goal_evidence" USING btree ("goal_id");--> statement-breakpoint
CREATE INDEX "match_messages_match_idx" ON "match_messages" USING btree ("match_id","created_at");--> statement-breakpoint
CREATE INDEX "mentorship_goals_match_idx" ON "mentorship_goals" USING btree ("match_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "outcome_follow_ups_match_months_unique" ON "outcome_follow_ups" USING btree ("match_id","months");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_event_unique" ON "reminders" USING btree ("kind","event_key","user_id");--> statement-breakpoint
CREATE INDEX "reminders_digest_idx" ON "reminders" USING btree ("user_id") WHERE "reminders"."state" = 'in_digest';--> statement-breakpoint
CREATE INDEX "reminders_match_idx" ON "reminders" USING btree ("match_id","kind");--> statement-breakpoint
-- Matches started or completed before these columns: the day from the audit log, else the last change.
UPDATE "matches" SET "started_at" = coalesce((SELECT min("created_at") FROM "audit_log" WHERE "subject_type" = 'match' AND "subject_id" = "matches"."id"::text AND "action" = 'match.active'), "updated_at") WHERE "status" IN ('active', 'completed');--> statement-breakpoint
UPDATE "matches" SET "completed_at" = coalesce((SELECT min("created_at") FROM "audit_log" WHERE "subject_type" = 'match' AND "subject_id" = "matches"."id"::text AND "action" = 'match.completed'), "updated_at") WHERE "status" = 'completed';
