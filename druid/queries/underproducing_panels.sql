-- underproducing_panels
-- The panels that produced furthest below their expected energy over a range: under-production
-- alarms of panel_alarm ranked by the total shortfall (SPEC §1.4, §6 "Alarms").
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. range_from TIMESTAMP  start of the range, inclusive (UTC)
--   2. range_to   TIMESTAMP  end of the range, exclusive (UTC)
--   3. max_panels BIGINT     how many panels to return
--
-- shortfall_wh is the sum of power_low (expected − actual, Wh) over the panel's alarmed hours.
SELECT
  panel_id,
  client_id,
  name,
  apell_1,
  postal_code,
  model,
  COUNT(*) AS alarm_hours,
  SUM(power_low) AS shortfall_wh,
  MAX(power_low) AS worst_hour_wh,
  MAX(__time) AS last_alarm,
  LATEST(text_alarm, 1024) AS last_text_alarm
FROM panel_alarm
WHERE __time >= ? AND __time < ?
GROUP BY panel_id, client_id, name, apell_1, postal_code, model
ORDER BY shortfall_wh DESC
LIMIT ?
