-- panel_generation_daily
-- Panel generation per local day for one client, postal code or panel model, compared with the
-- previous day and the same day a year before, with the month-, quarter- and year-to-date totals
-- at the end of each day (SPEC §1.2, §6).
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. time_zone  VARCHAR    IANA zone of the local calendar, e.g. 'Europe/Madrid' or 'UTC'
--   2. scope      VARCHAR    what `selected` is: 'client_id', 'postal_code' or 'model'
--   3. selected   VARCHAR    the client id, postal code or panel model
--   4. range_from TIMESTAMP  start of the range, inclusive (UTC instant; give a local midnight)
--   5. range_to   TIMESTAMP  end of the range, exclusive (UTC instant)
--
-- power_gen is the day's energy (Wh). diff_last_day is the sum of the hourly diff_last_day, i.e.
-- the day's energy minus the previous day's over the slots that have a reference (null when none
-- has); diff_last_year likewise. acum_* are each panel's latest running total of the day, summed.
SELECT
  day_start,
  COUNT(*) AS panels,
  SUM(power_gen) AS power_gen,
  SUM(diff_last_day) AS diff_last_day,
  SUM(diff_last_year) AS diff_last_year,
  SUM(acum_month) AS acum_month,
  SUM(acum_quarter) AS acum_quarter,
  SUM(acum_year) AS acum_year
FROM (
  SELECT
    TIME_FLOOR(__time, 'P1D', NULL, ?) AS day_start,
    panel_id,
    SUM(power_gen) AS power_gen,
    SUM(diff_last_day) AS diff_last_day,
    SUM(diff_last_year) AS diff_last_year,
    LATEST(acum_month) AS acum_month,
    LATEST(acum_quarter) AS acum_quarter,
    LATEST(acum_year) AS acum_year
  FROM panel_report
  WHERE CASE ? WHEN 'client_id' THEN client_id WHEN 'postal_code' THEN postal_code WHEN 'model' THEN model END = ?
    AND __time >= ? AND __time < ?
  GROUP BY 1, 2
)
GROUP BY day_start
ORDER BY day_start
