-- wind_open_episodes
-- Wind alarm episodes open now: episodes with no closing row yet, at their highest level so far,
-- with their peak speed (SPEC §1.4; what the real-time dashboard shows).
--
-- Parameters: none. (Superset's "Open wind alarms" dataset is this query.)
--
-- An episode is one wind_id and episode_start; it opens with a row whose episode_end is null, may
-- escalate (one more such row) and closes with a row that has episode_end.
SELECT
  wind_id,
  episode_start,
  LATEST(client_id, 128) AS client_id,
  LATEST(name, 256) AS name,
  LATEST(address, 512) AS address,
  LATEST(postal_code, 32) AS postal_code,
  LATEST("level", 16) AS "level",
  MAX(wind_speed) AS peak_wind_speed,
  LATEST(text_alarm, 1024) AS text_alarm,
  MAX(__time) AS last_row_time
FROM wind_alarm
GROUP BY wind_id, episode_start
HAVING COUNT(episode_end) = 0
