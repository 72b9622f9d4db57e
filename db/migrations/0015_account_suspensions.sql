CREATE TABLE "account_suspensions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"suspended_by" uuid,
	"suspended_at" timestamp with time zone DEFAULT now() NOT NULL,
	"paused_slot_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"was_in_matching" boolean DEFAULT false NOT NULL,
	"reactivated_at" timestamp with time zone,
	"reactivated_by" uuid,
	"reactivation_note" text,
	CONSTRAINT "account_suspensions_reason_length" CHECK (char_length("account_suspensions"."reason") between 1 and 1000),
	CONSTRAINT "account_suspensions_note_length" CHECK (char_length("account_suspensions"."reactivation_note") <= 1000)
);
--> statement-breakpoint
ALTER TABLE "account_suspensions" ADD CONSTRAINT "account_suspensions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_suspensions" ADD CONSTRAINT "account_suspensions_suspended_by_users_id_fk" FOREIGN KEY ("suspended_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_suspensions" ADD CONSTRAINT "account_suspensions_reactivated_by_users_id_fk" FOREIGN KEY ("reactivated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_suspensions_user_idx" ON "account_suspensions" USING btree ("user_id","suspended_at");--> statement-breakpoint
CREATE UNIQUE INDEX "account_suspensions_one_open" ON "account_suspensions" USING btree ("user_id") WHERE "account_suspensions"."reactivated_at" is null;