package io.controlautogeneracion.ingest.stats;

/**
 * Throughput counters of one topic over one time bucket: messages, bytes, invalid messages, latency
 * (ingest − event time) and the largest consumer lag seen. Not thread-safe; {@link ThroughputStats}
 * guards it.
 */
public final class BucketStats {

    private long messages;
    private long bytes;
    private long invalid;
    private long latencySumMillis;
    private long latencyMaxMillis = -1;
    private long lag = -1;
    private final LatencyHistogram latency;

    public BucketStats() {
        this(new LatencyHistogram());
    }

    private BucketStats(LatencyHistogram latency) {
        this.latency = latency;
    }

    /** Rebuilds stored counters (from {@code topic_stats}). */
    public static BucketStats of(
            long messages,
            long bytes,
            long invalid,
            long latencySumMillis,
            long latencyMaxMillis,
            long lag,
            LatencyHistogram latency) {
        BucketStats stats = new BucketStats(latency);
        stats.messages = messages;
        stats.bytes = bytes;
        stats.invalid = invalid;
        stats.latencySumMillis = latencySumMillis;
        stats.latencyMaxMillis = latencyMaxMillis;
        stats.lag = lag;
        return stats;
    }

    /** Counts one stored message; {@code latencyMillis} is negative when unknown. */
    public void add(long size, boolean isInvalid, long latencyMillis) {
        messages++;
        bytes += size;
        if (isInvalid) {
            invalid++;
        }
        if (latencyMillis >= 0) {
            latency.add(latencyMillis);
            latencySumMillis += latencyMillis;
            latencyMaxMillis = Math.max(latencyMaxMillis, latencyMillis);
        }
    }

    public void observeLag(long observed) {
        lag = Math.max(lag, observed);
    }

    public void merge(BucketStats other) {
        messages += other.messages;
        bytes += other.bytes;
        invalid += other.invalid;
        latencySumMillis += other.latencySumMillis;
        latencyMaxMillis = Math.max(latencyMaxMillis, other.latencyMaxMillis);
        lag = Math.max(lag, other.lag);
        latency.merge(other.latency);
    }

    public long messages() {
        return messages;
    }

    public long bytes() {
        return bytes;
    }

    public long invalid() {
        return invalid;
    }

    public long latencyCount() {
        return latency.total();
    }

    public long latencySumMillis() {
        return latencySumMillis;
    }

    /** Average latency in ms, or -1 when no message had an event time. */
    public double latencyAvgMillis() {
        return latency.total() == 0 ? -1 : (double) latencySumMillis / latency.total();
    }

    public long latencyP95Millis() {
        return latency.quantile(0.95, latencyMaxMillis);
    }

    public long latencyMaxMillis() {
        return latencyMaxMillis;
    }

    /** The largest consumer lag observed in the bucket, -1 when never observed. */
    public long lag() {
        return lag;
    }

    public LatencyHistogram latency() {
        return latency;
    }
}
