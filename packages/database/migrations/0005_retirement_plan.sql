ALTER TABLE "instruments" ADD COLUMN "expense_ratio" numeric(7, 6);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "other_income" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "advisory_fee" numeric(7, 6);--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "end_age" integer;--> statement-breakpoint
ALTER TABLE "instruments" ADD CONSTRAINT "instruments_expense_ratio_range" CHECK ("instruments"."expense_ratio" BETWEEN 0 AND 0.1);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_other_income_list" CHECK (CASE WHEN jsonb_typeof("users"."other_income") = 'array' THEN jsonb_array_length("users"."other_income") <= 10 ELSE false END);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_advisory_fee_range" CHECK ("users"."advisory_fee" BETWEEN 0 AND 0.05);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_end_age_range" CHECK ("users"."end_age" BETWEEN 1 AND 120);--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_end_age_after_current_age" CHECK ("users"."end_age" > "users"."current_age");