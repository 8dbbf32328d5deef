-- panel_generation_monthly
-- Panel generation per local month for one client, postal code or panel model, compared with the
-- previous month, the same month a quarter, half a year and a year before, with the quarter-,
-- half-year- and year-to-date totals at the end of each month (SPEC §1.2, §6).
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. time_zone  VARCHAR    IANA zone of the local calendar, e.g. 'Europe/Madrid' or 'UTC'
--   2. scope      VARCHAR    what `selected` is: 'client_id', 'postal_code' or 'model'
--   3. selected   VARCHAR    the client id, postal code or panel model
--   4. range_from TIMESTAMP  start of the range, inclusive (UTC instant; give a local month start)
--   5. range_to   TIMESTAMP  end of the range, exclusive (UTC instant)
--
-- power_gen is the month's energy (Wh). diff_last_* are sums of the hourly diffs over the slots
-- that have a reference (null when none has); the slots of one month map to the same days of the
-- reference month (java.time minusMonths), so a 31st compares with the reference month's last day.
-- acum_* are each panel's latest running total of the month, summed.
SELECT
  month_start,
  COUNT(*) AS panels,
  SUM(power_gen) AS power_gen,
  SUM(diff_last_month) AS diff_last_month,
  SUM(diff_last_quar) AS diff_last_quar,
  SUM(diff_last_six) AS diff_last_six,
  SUM(diff_last_year) AS diff_last_year,
  SUM(acum_quarter) AS acum_quarter,
  SUM(acum_semestre) AS acum_semestre,
  SUM(acum_year) AS acum_year
FROM (
  SELECT
    TIME_FLOOR(__time, 'P1M', NULL, ?) AS month_start,
    panel_id,
    SUM(power_gen) AS power_gen,
    SUM(diff_last_month) AS diff_last_month,
    SUM(diff_last_quar) AS diff_last_quar,
    SUM(diff_last_six) AS diff_last_six,
    SUM(diff_last_year) AS diff_last_year,
    LATEST(acum_quarter) AS acum_quarter,
    LATEST(acum_semestre) AS acum_semestre,
    LATEST(acum_year) AS acum_year
  FROM panel_report
  WHERE CASE ? WHEN 'client_id' THEN client_id WHEN 'postal_code' THEN postal_code WHEN 'model' THEN model END = ?
    AND __time >= ? AND __time < ?
  GROUP BY 1, 2
)
GROUP BY month_start
ORDER BY month_start
