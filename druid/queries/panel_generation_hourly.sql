-- panel_generation_hourly
-- Panel generation per 1-hour slot (UTC) for one client, postal code or panel model, with the
-- period comparisons and the running totals of panel_report (SPEC §1.2, §6).
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. scope      VARCHAR    what `selected` is: 'client_id', 'postal_code' or 'model'
--   2. scope      VARCHAR    the same again (it says how the panels of a slot are counted)
--   3. selected   VARCHAR    the client id, postal code or panel model
--   4. range_from TIMESTAMP  first slot of the range, inclusive (UTC)
--   5. range_to   TIMESTAMP  end of the range, exclusive (UTC)
--
-- One row per slot. power_gen and acum_* are sums over the selected panels (Wh). Each diff_* is
-- the sum over the panels whose reference slot has data, so it is null, never 0, when no panel
-- has that reference; panels_with_last_day and panels_with_last_year say how many had one.
--
-- panels: a client's slot has one row per panel (an hour in which a panel changed owner gives one
-- row per owner), so its rows are its panels, counted exactly. A postal code's or a model's slot
-- can hold two rows of one panel (both owners in the scope): there the panels are counted distinct.
-- The planner keeps only the branch of the scope asked, so a client's history (its year is 8 760
-- slots) builds no distinct-count sketch per slot.
SELECT
  __time AS slot_start,
  CASE ? WHEN 'client_id' THEN COUNT(*) ELSE COUNT(DISTINCT panel_id) END AS panels,
  SUM(power_gen) AS power_gen,
  SUM(diff_last_hour) AS diff_last_hour,
  SUM(diff_last_day) AS diff_last_day,
  SUM(diff_last_month) AS diff_last_month,
  SUM(diff_last_quar) AS diff_last_quar,
  SUM(diff_last_six) AS diff_last_six,
  SUM(diff_last_year) AS diff_last_year,
  COUNT(diff_last_day) AS panels_with_last_day,
  COUNT(diff_last_year) AS panels_with_last_year,
  SUM(acum_day) AS acum_day,
  SUM(acum_month) AS acum_month,
  SUM(acum_quarter) AS acum_quarter,
  SUM(acum_semestre) AS acum_semestre,
  SUM(acum_year) AS acum_year,
  MIN(coverage) AS min_coverage
FROM panel_report
WHERE CASE ? WHEN 'client_id' THEN client_id WHEN 'postal_code' THEN postal_code WHEN 'model' THEN model END = ?
  AND __time >= ? AND __time < ?
GROUP BY __time
ORDER BY __time
