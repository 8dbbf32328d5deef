package io.controlautogeneracion.pipelines.wind;

import java.time.Duration;
import java.util.Arrays;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Event time of the wind job, bounded by the broker's clock (SPEC §6 "Alarms"). Each reading keeps
 * its own timestamp, so it still counts in its own second; a Kafka partition's watermark is the
 * smaller of two bounds, minus the allowed disorder:
 *
 * <ul>
 *   <li>the largest {@link WindArrival#boundedTime()} seen, the smaller of the reading's time and
 *       its record's broker timestamp. A device whose clock runs minutes ahead therefore moves
 *       event time no further than the broker's clock when it reported, and the rest of the fleet's
 *       readings are not made late by it; its own seconds close when the broker's clock reaches
 *       them. A back-fill (old readings logged now) is bounded by its own timestamps;
 *   <li>the oldest reading <em>delivered late</em> (its broker timestamp more than the disorder
 *       after its own time, but no more than {@code maxDelay}) during the last {@code delayMemory}
 *       of broker time. Devices each send through their own producer: after a broker outage every
 *       producer delivers what it kept meanwhile, the first ones back together with readings sent
 *       now, those who come back a second or two later readings as old as the outage. The first
 *       kept reading to arrive holds the partition at the outage's start until {@code delayMemory}
 *       after the last one, so the others' kept readings are still on time; the price is that every
 *       second of the partition closes that much later once.
 * </ul>
 *
 * <p>A reading delivered more than {@code maxDelay} late is not waited for (a clock running behind
 * must not hold the whole fleet back for longer than that) and is late if its second has closed. A
 * clock running behind by less than that holds the partition back by its lag plus {@code
 * delayMemory} for as long as it sends. When a partition starts being held, or is held much further
 * back than before, it says so in the log with the device that holds it.
 *
 * <p>The Kafka source runs one generator per partition and takes the smallest of their watermarks;
 * a partition without readings for the idle timeout ({@link #withIdleness}) stops holding it back.
 */
public final class BrokerBoundedWatermarks implements WatermarkStrategy<WindArrival> {
    private static final long serialVersionUID = 1L;

    private final long disorderMillis;
    private final long maxDelayMillis;
    private final long delayMemoryMillis;

    /**
     * @param outOfOrderness the disorder allowed between readings delivered on time
     * @param maxDelay the longest delivery delay waited for
     * @param delayMemory how long, in broker time, a delivery delay keeps the partition waiting
     */
    public BrokerBoundedWatermarks(
            Duration outOfOrderness, Duration maxDelay, Duration delayMemory) {
        if (outOfOrderness.isNegative() || maxDelay.isNegative() || delayMemory.isNegative()) {
            throw new IllegalArgumentException(
                    "out-of-orderness, delivery delay and its memory must not be negative");
        }
        this.disorderMillis = outOfOrderness.toMillis();
        this.maxDelayMillis = maxDelay.toMillis();
        this.delayMemoryMillis = delayMemory.toMillis();
    }

    @Override
    public TimestampAssigner<WindArrival> createTimestampAssigner(
            TimestampAssignerSupplier.Context context) {
        return (arrival, recordTimestamp) -> arrival.eventTime();
    }

    @Override
    public WatermarkGenerator<WindArrival> createWatermarkGenerator(
            WatermarkGeneratorSupplier.Context context) {
        return new Generator(disorderMillis, maxDelayMillis, delayMemoryMillis);
    }

    /** One partition's watermark. */
    static final class Generator implements WatermarkGenerator<WindArrival> {
        private static final Logger LOG = LoggerFactory.getLogger(BrokerBoundedWatermarks.class);
        private static final long NONE = Long.MIN_VALUE / 2;

        private final long disorderMillis;
        private final long maxDelayMillis;
        private final DelayedReadings delayed;
        private long maxBounded = NONE;
        private long newestBroker = NONE;
        private long emitted = Long.MIN_VALUE;
        private long heldBy;

        Generator(long disorderMillis, long maxDelayMillis, long delayMemoryMillis) {
            this.disorderMillis = disorderMillis;
            this.maxDelayMillis = maxDelayMillis;
            this.delayed = new DelayedReadings(delayMemoryMillis);
        }

        @Override
        public void onEvent(WindArrival arrival, long eventTimestamp, WatermarkOutput output) {
            maxBounded = Math.max(maxBounded, arrival.boundedTime());
            long broker = arrival.brokerTime();
            if (broker < 0) {
                return;
            }
            newestBroker = Math.max(newestBroker, broker);
            long delay = broker - arrival.eventTime();
            if (delay > disorderMillis && delay <= maxDelayMillis) {
                delayed.add(broker, arrival.eventTime(), arrival.reading().windId());
            }
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            if (maxBounded == NONE) {
                return;
            }
            long bound = maxBounded;
            int oldest = newestBroker == NONE ? -1 : delayed.oldest(newestBroker);
            if (oldest >= 0) {
                long held = delayed.eventTime(oldest);
                if (held < bound) {
                    report(bound - held, delayed.device(oldest));
                    bound = held;
                }
            } else {
                heldBy = 0;
            }
            // As Flink's bounded out-of-orderness: a reading exactly `disorder` behind is on time.
            emitted = Math.max(emitted, bound - disorderMillis - 1);
            output.emitWatermark(new Watermark(emitted));
        }

        private void report(long by, String windId) {
            if (by > 2 * heldBy) {
                heldBy = by;
                LOG.info(
                        "readings delivered late (the oldest from wind_id {}): this partition's"
                                + " seconds close {} ms later until they stop coming",
                        windId,
                        by);
            }
        }
    }

    /**
     * The readings delivered late during the last {@code memory} of broker time: for each second of
     * broker time, the oldest one's event time and device.
     */
    static final class DelayedReadings {
        private final long[] second;
        private final long[] eventTime;
        private final String[] device;

        DelayedReadings(long memoryMillis) {
            int buckets = (int) Math.max(1, (memoryMillis + 999) / 1_000);
            second = new long[buckets];
            eventTime = new long[buckets];
            device = new String[buckets];
            Arrays.fill(second, Long.MIN_VALUE);
        }

        void add(long brokerTime, long readingTime, String windId) {
            long s = Math.floorDiv(brokerTime, 1_000L);
            int i = (int) Math.floorMod(s, (long) second.length);
            if (second[i] != s || readingTime < eventTime[i]) {
                second[i] = s;
                eventTime[i] = readingTime;
                device[i] = windId;
            }
        }

        /** The bucket of the oldest reading still remembered at this broker time, -1 if none. */
        int oldest(long newestBroker) {
            long now = Math.floorDiv(newestBroker, 1_000L);
            int best = -1;
            for (int i = 0; i < second.length; i++) {
                if (second[i] > now - second.length
                        && second[i] <= now
                        && (best < 0 || eventTime[i] < eventTime[best])) {
                    best = i;
                }
            }
            return best;
        }

        long eventTime(int bucket) {
            return eventTime[bucket];
        }

        String device(int bucket) {
            return device[bucket];
        }
    }
}
