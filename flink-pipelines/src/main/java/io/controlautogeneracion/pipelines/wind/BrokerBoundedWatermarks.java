package io.controlautogeneracion.pipelines.wind;

import java.time.Duration;
import org.apache.flink.api.common.eventtime.TimestampAssigner;
import org.apache.flink.api.common.eventtime.TimestampAssignerSupplier;
import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.common.eventtime.WatermarkGenerator;
import org.apache.flink.api.common.eventtime.WatermarkGeneratorSupplier;
import org.apache.flink.api.common.eventtime.WatermarkOutput;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;

/**
 * Event time of the wind job, bounded by the broker's clock (SPEC §6 "Alarms"). Each reading keeps
 * its own timestamp, so it still counts in its own second; but the watermark of a Kafka partition
 * follows the largest {@link WindArrival#boundedTime()} seen, the smaller of the reading's time and
 * its record's broker timestamp, minus the allowed disorder. A device whose clock runs minutes
 * ahead therefore moves event time no further than the broker's clock when it reported, and the
 * rest of the fleet's readings are not made late by it; its own seconds close when the broker's
 * clock reaches them. A back-fill (old readings logged now) is bounded by its own timestamps, as
 * before.
 *
 * <p>The Kafka source runs one generator per partition and takes the smallest of their watermarks;
 * a partition without readings for the idle timeout ({@link #withIdleness}) stops holding it back.
 */
public final class BrokerBoundedWatermarks implements WatermarkStrategy<WindArrival> {
    private static final long serialVersionUID = 1L;

    private final long disorderMillis;

    public BrokerBoundedWatermarks(Duration outOfOrderness) {
        if (outOfOrderness.isNegative()) {
            throw new IllegalArgumentException("out-of-orderness must not be negative");
        }
        this.disorderMillis = outOfOrderness.toMillis();
    }

    @Override
    public TimestampAssigner<WindArrival> createTimestampAssigner(
            TimestampAssignerSupplier.Context context) {
        return (arrival, recordTimestamp) -> arrival.eventTime();
    }

    @Override
    public WatermarkGenerator<WindArrival> createWatermarkGenerator(
            WatermarkGeneratorSupplier.Context context) {
        return new Generator(disorderMillis);
    }

    /** One partition's watermark: the largest bounded time seen, minus the disorder. */
    static final class Generator implements WatermarkGenerator<WindArrival> {
        private final long disorderMillis;
        // Start low enough that subtracting the disorder cannot overflow.
        private long maxBounded;

        Generator(long disorderMillis) {
            this.disorderMillis = disorderMillis;
            this.maxBounded = Long.MIN_VALUE + disorderMillis + 1;
        }

        @Override
        public void onEvent(WindArrival arrival, long eventTimestamp, WatermarkOutput output) {
            maxBounded = Math.max(maxBounded, arrival.boundedTime());
        }

        @Override
        public void onPeriodicEmit(WatermarkOutput output) {
            // As Flink's bounded out-of-orderness: a reading exactly `disorder` behind is on time.
            output.emitWatermark(new Watermark(maxBounded - disorderMillis - 1));
        }
    }
}
