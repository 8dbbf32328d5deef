-- light_sensor_hourly
-- One light sensor hour by hour: illuminance, irradiance, the reference panel's estimated power and
-- the optimal orientation estimate (SPEC §1.3).
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. light_id   VARCHAR    the light sensor
--   2. range_from TIMESTAMP  start of the range, inclusive (UTC)
--   3. range_to   TIMESTAMP  end of the range, exclusive (UTC)
SELECT
  __time AS slot_start,
  lux_avg,
  lux_max,
  irradiance_wm2,
  estimated_power_w,
  optimal_tilt,
  optimal_azimuth,
  samples
FROM light_report
WHERE light_id = ? AND __time >= ? AND __time < ?
ORDER BY __time
