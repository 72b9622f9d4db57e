ALTER TABLE "slots" DROP CONSTRAINT "slots_unpaid_requirements";--> statement-breakpoint
ALTER TABLE "student_profiles" ADD COLUMN "cpt_full_time_months_used" integer;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "region" text;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "academic_school" text;--> statement-breakpoint
ALTER TABLE "slots" ADD COLUMN "required_placement" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "student_profiles" ADD CONSTRAINT "student_profiles_cpt_months" CHECK ("student_profiles"."cpt_full_time_months_used" is null or "student_profiles"."cpt_full_time_months_used" between 0 and 60);--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_unpaid_requirements" CHECK ("slots"."compensation" not in ('unpaid', 'course_credit') or ("slots"."learning_plan" is not null and "slots"."mentor_hours_per_week" >= 1 and ("slots"."primary_beneficiary" is not null or "slots"."country" = 'CA')));