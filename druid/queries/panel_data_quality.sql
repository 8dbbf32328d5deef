-- panel_data_quality
-- Panels whose hourly reports rest on incomplete or troubled readings (SPEC §6 data-quality
-- columns): the worst coverage (share of the hour the readings cover) below a threshold, with how
-- many hours fell below it, or counter trouble. gap_filled_wh is the energy a counter delta across
-- a longer gap gave the hours (known, but not measured hour by hour); counter_resets and
-- counter_glitches count restarted counters, and decreases or impossible jumps that were left out
-- or clamped. Without counters, low coverage means the power_gen of those hours is a lower bound.
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. min_coverage DOUBLE     coverage under which an hour counts as incomplete (0–1, e.g. 0.9)
--   2. range_from   TIMESTAMP  start of the range, inclusive (UTC)
--   3. range_to     TIMESTAMP  end of the range, exclusive (UTC)
--   4. min_coverage DOUBLE     the same threshold again (it selects the panels, with those with
--                              counter resets or glitches)
SELECT
  panel_id,
  client_id,
  postal_code,
  COUNT(*) AS hours,
  COUNT(*) FILTER (WHERE coverage < ?) AS incomplete_hours,
  MIN(coverage) AS min_coverage,
  AVG(coverage) AS avg_coverage,
  SUM(samples) AS samples,
  SUM(gap_filled_wh) AS gap_filled_wh,
  SUM(counter_resets) AS counter_resets,
  SUM(counter_glitches) AS counter_glitches
FROM panel_report
WHERE __time >= ? AND __time < ?
GROUP BY panel_id, client_id, postal_code
HAVING MIN(coverage) < ? OR SUM(counter_resets) > 0 OR SUM(counter_glitches) > 0
ORDER BY min_coverage ASC, panel_id
