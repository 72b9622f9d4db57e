CREATE TYPE "public"."benefit" AS ENUM('mentorship', 'recommendation_letter', 'referral', 'return_offer', 'portfolio_project', 'course_credit');--> statement-breakpoint
CREATE TYPE "public"."compensation_preference" AS ENUM('paid_only', 'paid_or_stipend', 'any');--> statement-breakpoint
CREATE TYPE "public"."paperwork" AS ENUM('cpt_offer_letter', 'everify_i983', 'coop_agreement');--> statement-breakpoint
CREATE TYPE "public"."slot_compensation" AS ENUM('paid', 'stipend', 'unpaid', 'course_credit');--> statement-breakpoint
CREATE TYPE "public"."work_authorization" AS ENUM('us_citizen_pr', 'us_f1_cpt', 'us_f1_opt_pre', 'us_f1_opt_post', 'us_f1_stem_opt', 'us_j1_academic_training', 'us_other_ead', 'ca_citizen_pr', 'ca_study_permit', 'ca_coop_permit', 'ca_open_work_permit', 'not_authorized');--> statement-breakpoint
CREATE TYPE "public"."work_mode" AS ENUM('remote', 'hybrid', 'onsite');--> statement-breakpoint
CREATE TYPE "public"."skill_category" AS ENUM('language', 'frontend', 'backend', 'mobile', 'data', 'ml', 'cloud', 'devops', 'security', 'testing', 'design', 'research', 'tools');--> statement-breakpoint
CREATE TYPE "public"."degree" AS ENUM('certificate', 'associate', 'bachelor', 'master', 'phd', 'bootcamp', 'other');--> statement-breakpoint
CREATE TYPE "public"."organization_size" AS ENUM('1-10', '11-50', '51-200', '201-1000', '1000+');--> statement-breakpoint
CREATE TYPE "public"."organization_type" AS ENUM('startup', 'nonprofit', 'research_team', 'small_business', 'company', 'university');--> statement-breakpoint
CREATE TYPE "public"."slot_status" AS ENUM('draft', 'pending_review', 'open', 'closed', 'filled');--> statement-breakpoint
CREATE TABLE "skills" (
	"slug" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" "skill_category" NOT NULL,
	"aliases" text[] DEFAULT '{}'::text[] NOT NULL,
	CONSTRAINT "skills_name_unique" UNIQUE("name"),
	CONSTRAINT "skills_slug_format" CHECK ("skills"."slug" ~ '^[a-z0-9][a-z0-9.+#-]*$')
);
--> statement-breakpoint
CREATE TABLE "student_profiles" (
	"user_id" uuid PRIMARY KEY NOT NULL,
	"school" text,
	"program" text,
	"degree" "degree",
	"graduation_date" date,
	"coursework" text,
	"portfolio_url" text,
	"github_url" text,
	"linkedin_url" text,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"country" text,
	"city" text,
	"timezone" text,
	"available_from" date,
	"available_weeks" integer,
	"hours_per_week_term" integer,
	"hours_per_week_break" integer,
	"work_modes" "work_mode"[] DEFAULT '{}'::work_mode[] NOT NULL,
	"work_authorization" "work_authorization",
	"authorization_valid_from" date,
	"authorization_valid_until" date,
	"share_authorization" boolean DEFAULT false NOT NULL,
	"compensation" "compensation_preference",
	"goals" "benefit"[] DEFAULT '{}'::benefit[] NOT NULL,
	"in_matching" boolean DEFAULT false NOT NULL,
	"visible_to_mentors" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "student_profiles_country_code" CHECK ("student_profiles"."country" is null or "student_profiles"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "student_profiles_weeks" CHECK ("student_profiles"."available_weeks" is null or "student_profiles"."available_weeks" between 1 and 104),
	CONSTRAINT "student_profiles_hours_term" CHECK ("student_profiles"."hours_per_week_term" is null or "student_profiles"."hours_per_week_term" between 0 and 80),
	CONSTRAINT "student_profiles_hours_break" CHECK ("student_profiles"."hours_per_week_break" is null or "student_profiles"."hours_per_week_break" between 0 and 80),
	CONSTRAINT "student_profiles_authorization_dates" CHECK ("student_profiles"."authorization_valid_from" is null or "student_profiles"."authorization_valid_until" is null or "student_profiles"."authorization_valid_from" <= "student_profiles"."authorization_valid_until")
);
--> statement-breakpoint
CREATE TABLE "student_projects" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"url" text
);
--> statement-breakpoint
CREATE TABLE "student_skills" (
	"user_id" uuid NOT NULL,
	"skill_slug" text NOT NULL,
	"level" smallint NOT NULL,
	CONSTRAINT "student_skills_user_id_skill_slug_pk" PRIMARY KEY("user_id","skill_slug"),
	CONSTRAINT "student_skills_level" CHECK ("student_skills"."level" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "organization_invitations" (
	"id" text PRIMARY KEY NOT NULL,
	"secret_hash" text NOT NULL,
	"organization_id" uuid NOT NULL,
	"email" text NOT NULL,
	"invited_by" uuid,
	"expires_at" timestamp with time zone NOT NULL,
	"accepted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organization_members" (
	"organization_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organization_members_organization_id_user_id_pk" PRIMARY KEY("organization_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "organizations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"type" "organization_type" NOT NULL,
	"website" text,
	"size" "organization_size" NOT NULL,
	"country" text NOT NULL,
	"city" text,
	"description" text NOT NULL,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organizations_country_code" CHECK ("organizations"."country" ~ '^[A-Z]{2}$')
);
--> statement-breakpoint
CREATE TABLE "slot_mentors" (
	"slot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	CONSTRAINT "slot_mentors_slot_id_user_id_pk" PRIMARY KEY("slot_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "slot_skills" (
	"slot_id" uuid NOT NULL,
	"skill_slug" text NOT NULL,
	"min_level" smallint NOT NULL,
	"required" boolean NOT NULL,
	CONSTRAINT "slot_skills_slot_id_skill_slug_pk" PRIMARY KEY("slot_id","skill_slug"),
	CONSTRAINT "slot_skills_level" CHECK ("slot_skills"."min_level" between 1 and 4)
);
--> statement-breakpoint
CREATE TABLE "slots" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"created_by" uuid,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"project" text NOT NULL,
	"mentor_hours_per_week" integer NOT NULL,
	"compensation" "slot_compensation" NOT NULL,
	"hourly_rate" numeric(8, 2),
	"stipend_amount" integer,
	"currency" text,
	"hours_per_week" integer NOT NULL,
	"start_date" date NOT NULL,
	"duration_weeks" integer NOT NULL,
	"application_deadline" date NOT NULL,
	"seats" integer NOT NULL,
	"work_mode" "work_mode" NOT NULL,
	"country" text NOT NULL,
	"city" text,
	"timezone" text NOT NULL,
	"accepted_authorizations" "work_authorization"[] NOT NULL,
	"paperwork" "paperwork"[] DEFAULT '{}'::paperwork[] NOT NULL,
	"offers" "benefit"[] DEFAULT '{}'::benefit[] NOT NULL,
	"questions" text[] DEFAULT '{}'::text[] NOT NULL,
	"learning_plan" text,
	"academic_program" text,
	"primary_beneficiary" jsonb,
	"status" "slot_status" DEFAULT 'draft' NOT NULL,
	"review_note" text,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"search_vector" "tsvector" GENERATED ALWAYS AS (setweight(to_tsvector('english', coalesce(title, '')), 'A') || setweight(to_tsvector('english', coalesce(project, '')), 'B') || setweight(to_tsvector('english', coalesce(description, '')), 'C')) STORED,
	CONSTRAINT "slots_seats" CHECK ("slots"."seats" >= 1),
	CONSTRAINT "slots_hours" CHECK ("slots"."hours_per_week" between 1 and 60),
	CONSTRAINT "slots_mentor_hours" CHECK ("slots"."mentor_hours_per_week" between 0 and 40),
	CONSTRAINT "slots_duration" CHECK ("slots"."duration_weeks" between 1 and 104),
	CONSTRAINT "slots_deadline_before_start" CHECK ("slots"."application_deadline" <= "slots"."start_date"),
	CONSTRAINT "slots_country_code" CHECK ("slots"."country" ~ '^[A-Z]{2}$'),
	CONSTRAINT "slots_accepts_someone" CHECK (cardinality("slots"."accepted_authorizations") > 0),
	CONSTRAINT "slots_at_most_three_questions" CHECK (cardinality("slots"."questions") <= 3),
	CONSTRAINT "slots_paid_has_rate" CHECK ("slots"."compensation" <> 'paid' or ("slots"."hourly_rate" > 0 and "slots"."currency" is not null)),
	CONSTRAINT "slots_stipend_has_amount" CHECK ("slots"."compensation" <> 'stipend' or ("slots"."stipend_amount" > 0 and "slots"."currency" is not null)),
	CONSTRAINT "slots_unpaid_requirements" CHECK ("slots"."compensation" not in ('unpaid', 'course_credit') or ("slots"."learning_plan" is not null and "slots"."mentor_hours_per_week" >= 1 and "slots"."primary_beneficiary" is not null))
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"actor_id" uuid,
	"action" text NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" text NOT NULL,
	"detail" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "student_profiles" ADD CONSTRAINT "student_profiles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_projects" ADD CONSTRAINT "student_projects_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_skills" ADD CONSTRAINT "student_skills_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_skills" ADD CONSTRAINT "student_skills_skill_slug_skills_slug_fk" FOREIGN KEY ("skill_slug") REFERENCES "public"."skills"("slug") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_invitations" ADD CONSTRAINT "organization_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organization_members" ADD CONSTRAINT "organization_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organizations" ADD CONSTRAINT "organizations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_mentors" ADD CONSTRAINT "slot_mentors_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_mentors" ADD CONSTRAINT "slot_mentors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_skills" ADD CONSTRAINT "slot_skills_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_skills" ADD CONSTRAINT "slot_skills_skill_slug_skills_slug_fk" FOREIGN KEY ("skill_slug") REFERENCES "public"."skills"("slug") ON DELETE cascade ON UPDATE cascade;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "audit_log" ADD CONSTRAINT "audit_log_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "student_projects_user_idx" ON "student_projects" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "student_skills_skill_idx" ON "student_skills" USING btree ("skill_slug");--> statement-breakpoint
CREATE INDEX "organization_invitations_org_idx" ON "organization_invitations" USING btree ("organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organization_members_user_unique" ON "organization_members" USING btree ("user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "organizations_slug_unique" ON "organizations" USING btree ("slug");--> statement-breakpoint
CREATE INDEX "slot_mentors_user_idx" ON "slot_mentors" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "slot_skills_skill_idx" ON "slot_skills" USING btree ("skill_slug");--> statement-breakpoint
CREATE INDEX "slots_status_idx" ON "slots" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "slots_organization_idx" ON "slots" USING btree ("organization_id");--> statement-breakpoint
CREATE INDEX "slots_search_idx" ON "slots" USING gin ("search_vector");--> statement-breakpoint
CREATE INDEX "audit_log_created_idx" ON "audit_log" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "audit_log_subject_idx" ON "audit_log" USING btree ("subject_type","subject_id");