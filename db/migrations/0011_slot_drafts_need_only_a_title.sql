ALTER TABLE "slots" DROP CONSTRAINT "slots_deadline_before_start";--> statement-breakpoint
ALTER TABLE "slots" DROP CONSTRAINT "slots_accepts_someone";--> statement-breakpoint
ALTER TABLE "slots" DROP CONSTRAINT "slots_paid_has_rate";--> statement-breakpoint
ALTER TABLE "slots" DROP CONSTRAINT "slots_stipend_has_amount";--> statement-breakpoint
ALTER TABLE "slots" DROP CONSTRAINT "slots_unpaid_requirements";--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "description" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "project" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "mentor_hours_per_week" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "compensation" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "hours_per_week" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "start_date" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "duration_weeks" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "application_deadline" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "seats" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "work_mode" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "country" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ALTER COLUMN "timezone" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_terms_once_submitted" CHECK ("slots"."status" = 'draft' or ("slots"."description" is not null and "slots"."project" is not null and "slots"."mentor_hours_per_week" is not null and "slots"."compensation" is not null and "slots"."hours_per_week" is not null and "slots"."start_date" is not null and "slots"."duration_weeks" is not null and "slots"."application_deadline" is not null and "slots"."seats" is not null and "slots"."work_mode" is not null and "slots"."country" is not null and "slots"."timezone" is not null));--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_deadline_before_start" CHECK ("slots"."status" = 'draft' or "slots"."application_deadline" <= "slots"."start_date");--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_accepts_someone" CHECK ("slots"."status" = 'draft' or cardinality("slots"."accepted_authorizations") > 0);--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_paid_has_rate" CHECK ("slots"."status" = 'draft' or "slots"."compensation" <> 'paid' or ("slots"."hourly_rate" > 0 and "slots"."currency" is not null));--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_stipend_has_amount" CHECK ("slots"."status" = 'draft' or "slots"."compensation" <> 'stipend' or ("slots"."stipend_amount" > 0 and "slots"."currency" is not null));--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_unpaid_requirements" CHECK ("slots"."status" = 'draft' or "slots"."compensation" not in ('unpaid', 'course_credit') or ("slots"."learning_plan" is not null and "slots"."mentor_hours_per_week" >= 1 and ("slots"."primary_beneficiary" is not null or "slots"."country" = 'CA')));