-- wind_alarms_last_hours
-- Every wind alarm row of the last hours, newest first: episodes opening, escalating to storm,
-- closing, and silent anemometers (SPEC §1.4, §6 "Alarms"; near real time).
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. hours BIGINT  how many hours back from now
--
-- episode_end is null on the rows of an episode still open when the row was written; a closing row
-- has it. "level" is warning, storm or silent.
SELECT
  __time AS alarm_time,
  wind_id,
  client_id,
  name,
  address,
  postal_code,
  "level",
  wind_speed,
  text_alarm,
  episode_start,
  episode_end
FROM wind_alarm
WHERE __time >= TIMESTAMPADD(HOUR, -1 * ?, CURRENT_TIMESTAMP)
ORDER BY __time DESC
