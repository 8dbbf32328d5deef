-- sensor_alarms
-- Light sensors with anomalies over a range (near zero or frozen in daylight, a drop against
-- previous days), most alarmed first, with the latest alarm text (SPEC §1.4).
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. range_from TIMESTAMP  start of the range, inclusive (UTC)
--   2. range_to   TIMESTAMP  end of the range, exclusive (UTC)
--
-- shortfall_w sums power_low, the estimated power lost in the drop alarms (W of the reference
-- panel); it is null when no alarm was about a shortfall.
SELECT
  light_id,
  client_id,
  name,
  postal_code,
  COUNT(*) AS alarm_hours,
  SUM(power_low) AS shortfall_w,
  MAX(__time) AS last_alarm,
  LATEST(text_alarm, 1024) AS last_text_alarm
FROM sensor_alarm
WHERE __time >= ? AND __time < ?
GROUP BY light_id, client_id, name, postal_code
ORDER BY alarm_hours DESC, light_id
