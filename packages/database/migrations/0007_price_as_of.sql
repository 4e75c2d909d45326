ALTER TABLE "instruments" ADD COLUMN "price_as_of" date;
-- Prices stored before this column have no known date: they read as stale until the market data writes them again.
