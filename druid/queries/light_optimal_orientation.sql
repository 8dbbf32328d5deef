-- light_optimal_orientation
-- The optimal tilt and azimuth of a panel at each light sensor's site, as last estimated
-- (degrees; azimuth 180 = south), with when it was estimated (SPEC §1.3). The estimate is
-- recomputed daily from the last 30 days of readings, so the latest one is the one to use.
--
-- Parameters: none. (Superset's "Optimal orientation by site" dataset is this query.)
--
-- Hours without an estimate (no location, sun below the horizon) are skipped, so a site shows its
-- latest real estimate; sensors that never had one are left out.
SELECT
  light_id,
  client_id,
  name,
  address,
  postal_code,
  LATEST(optimal_tilt) FILTER (WHERE optimal_tilt IS NOT NULL) AS optimal_tilt,
  LATEST(optimal_azimuth) FILTER (WHERE optimal_azimuth IS NOT NULL) AS optimal_azimuth,
  MAX(__time) FILTER (WHERE optimal_tilt IS NOT NULL) AS estimated_at
FROM light_report
GROUP BY light_id, client_id, name, address, postal_code
HAVING COUNT(optimal_tilt) > 0
