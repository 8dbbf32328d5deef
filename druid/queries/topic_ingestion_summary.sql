-- topic_ingestion_summary
-- Ingestion performance of each Kafka topic over a range: messages, share of invalid messages,
-- bytes, the worst latency and the highest consumer lag (SPEC §1.1 "rendimiento del sistema en la
-- entrada de la información de los diferentes topics").
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. range_from TIMESTAMP  start of the range, inclusive (UTC)
--   2. range_to   TIMESTAMP  end of the range, exclusive (UTC)
--
-- The rate per minute is topic_throughput_per_minute.
SELECT
  topic,
  SUM(messages) AS messages,
  SUM(invalid) AS invalid,
  CAST(SUM(invalid) AS DOUBLE) / NULLIF(SUM(messages), 0) AS invalid_share,
  SUM(bytes) AS bytes,
  MAX(latency_max_ms) AS latency_max_ms,
  MAX(latency_p95_ms) AS latency_p95_ms,
  MAX("lag") AS max_lag
FROM topic_stats
WHERE __time >= ? AND __time < ?
GROUP BY topic
ORDER BY messages DESC
