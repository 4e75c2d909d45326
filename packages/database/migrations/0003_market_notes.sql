CREATE TABLE "market_notes" (
	"id" varchar(100) PRIMARY KEY NOT NULL,
	"title" varchar(255) NOT NULL,
	"tags" text NOT NULL,
	"body" text NOT NULL,
	"source" varchar(255) NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "idx_market_notes_search" ON "market_notes" USING gin (to_tsvector('english', "title" || ' ' || "tags" || ' ' || "body"));