-- The lead's IANA time zone, for quiet hours on follow-ups the service sends on its own.
ALTER TABLE conversations ADD COLUMN time_zone text;
