-- light_potential_by_site
-- What each light sensor's site could generate: the energy a reference panel on the optimal plane
-- would have produced there over a range, the mean irradiance and the light levels, highest
-- energy first (SPEC §1.3, §6 "Light sensor semantics").
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. range_from TIMESTAMP  start of the range, inclusive (UTC)
--   2. range_to   TIMESTAMP  end of the range, exclusive (UTC)
--
-- estimated_energy_wh sums estimated_power_w over the hourly rows (a mean power over one hour is
-- that hour's energy in Wh); hours without an estimate (no location) do not count.
SELECT
  light_id,
  client_id,
  name,
  address,
  postal_code,
  COUNT(*) AS hours,
  SUM(estimated_power_w) AS estimated_energy_wh,
  AVG(irradiance_wm2) AS avg_irradiance_wm2,
  MAX(irradiance_wm2) AS max_irradiance_wm2,
  AVG(lux_avg) AS avg_lux,
  MAX(lux_max) AS max_lux
FROM light_report
WHERE __time >= ? AND __time < ?
GROUP BY light_id, client_id, name, address, postal_code
ORDER BY estimated_energy_wh DESC
