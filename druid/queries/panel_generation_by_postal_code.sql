-- panel_generation_by_postal_code
-- Energy generated in each postal code over a range, highest first, with the number of clients
-- and panels behind it and the energy per panel (SPEC §1.2).
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. range_from TIMESTAMP  start of the range, inclusive (UTC)
--   2. range_to   TIMESTAMP  end of the range, exclusive (UTC)
--
-- The inner query sums each panel's hours per client (one row per postal code, client and panel,
-- answerable from the per-segment cache); the outer one counts the distinct clients and panels of
-- those few rows, so no distinct-count sketch is built per hour row.
SELECT
  postal_code,
  COUNT(DISTINCT client_id) AS clients,
  COUNT(DISTINCT panel_id) AS panels,
  SUM(power_gen) AS power_gen,
  SUM(power_gen) / COUNT(DISTINCT panel_id) AS power_gen_per_panel
FROM (
  SELECT
    postal_code,
    client_id,
    panel_id,
    SUM(power_gen) AS power_gen
  FROM panel_report
  WHERE __time >= ? AND __time < ?
  GROUP BY postal_code, client_id, panel_id
)
GROUP BY postal_code
ORDER BY power_gen DESC
