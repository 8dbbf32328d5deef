-- wind_speed_per_minute
-- Wind per anemometer and minute over the last hours: mean speed (weighted by readings), the
-- highest 1-second mean and the strongest gust (SPEC §1.4, §6; near real time).
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. hours BIGINT  how many hours back from now
SELECT
  TIME_FLOOR(__time, 'PT1M') AS minute_start,
  wind_id,
  client_id,
  postal_code,
  SUM(wind_speed_avg * samples) / SUM(samples) AS wind_speed_avg,
  MAX(wind_speed_max) AS wind_speed_max,
  MAX(gust_max) AS gust_max,
  SUM(samples) AS samples
FROM wind_reading
WHERE __time >= TIMESTAMPADD(HOUR, -1 * ?, CURRENT_TIMESTAMP)
GROUP BY 1, 2, 3, 4
ORDER BY minute_start, wind_id
