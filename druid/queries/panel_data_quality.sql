-- panel_data_quality
-- Panels whose hourly reports rest on incomplete readings: the worst coverage (share of the hour
-- the readings stand for) below a threshold, with how many hours fell below it (SPEC §6
-- data-quality columns). Low coverage means the power_gen of those hours is a lower bound.
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. min_coverage DOUBLE     coverage under which an hour counts as incomplete (0–1, e.g. 0.9)
--   2. range_from   TIMESTAMP  start of the range, inclusive (UTC)
--   3. range_to     TIMESTAMP  end of the range, exclusive (UTC)
--   4. min_coverage DOUBLE     the same threshold again (it selects the panels)
SELECT
  panel_id,
  client_id,
  postal_code,
  COUNT(*) AS hours,
  COUNT(*) FILTER (WHERE coverage < ?) AS incomplete_hours,
  MIN(coverage) AS min_coverage,
  AVG(coverage) AS avg_coverage,
  SUM(samples) AS samples
FROM panel_report
WHERE __time >= ? AND __time < ?
GROUP BY panel_id, client_id, postal_code
HAVING MIN(coverage) < ?
ORDER BY min_coverage ASC, panel_id
