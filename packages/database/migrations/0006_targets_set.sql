ALTER TABLE "users" ADD COLUMN "targets_set" boolean DEFAULT false NOT NULL;--> statement-breakpoint
-- People whose stored targets differ from the old column defaults chose them: their drift stays measured.
UPDATE "users" SET "targets_set" = true
  WHERE "asset_class_targets" IS DISTINCT FROM '{"equity": 70, "fixed_income": 30}'::jsonb
     OR "region_targets" IS DISTINCT FROM '{"north_america": 50, "international": 50}'::jsonb;
