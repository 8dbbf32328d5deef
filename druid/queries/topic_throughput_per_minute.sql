-- topic_throughput_per_minute
-- Ingestion throughput of every Kafka topic per minute: messages, rate, bytes, invalid messages,
-- end-to-end latency and consumer lag, from ingest-service's topic_stats buckets (SPEC §1.1, §4).
--
-- Parameters (Druid SQL dynamic parameters, in order):
--   1. range_from TIMESTAMP  start of the range, inclusive (UTC)
--   2. range_to   TIMESTAMP  end of the range, exclusive (UTC)
--
-- latency_avg_ms is weighted by the valid messages of each bucket; latency_p95_ms is the worst
-- bucket's p95 (percentiles do not add up), an upper bound of the minute's p95; lag is the last
-- bucket's consumer lag.
SELECT
  TIME_FLOOR(__time, 'PT1M') AS minute_start,
  topic,
  SUM(messages) AS messages,
  SUM(messages) / 60.0 AS messages_per_second,
  SUM(bytes) AS bytes,
  SUM(invalid) AS invalid,
  SUM(latency_avg_ms * (messages - invalid))
    / NULLIF(SUM(CASE WHEN latency_avg_ms IS NOT NULL THEN messages - invalid END), 0) AS latency_avg_ms,
  MAX(latency_p95_ms) AS latency_p95_ms,
  MAX(latency_max_ms) AS latency_max_ms,
  LATEST("lag") FILTER (WHERE "lag" IS NOT NULL) AS "lag"
FROM topic_stats
WHERE __time >= ? AND __time < ?
GROUP BY 1, 2
ORDER BY minute_start, topic
