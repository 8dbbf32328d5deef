package io.controlautogeneracion.pipelines.wind;

import org.apache.flink.api.common.functions.AggregateFunction;

/**
 * Aggregates the readings of one anemometer in one second: mean and max speed, max gust and the
 * direction as a sum of unit vectors (so that 359° and 1° average to 0°, not 180°).
 */
public final class WindSecondAggregate
        implements AggregateFunction<
                EnrichedWindReading, WindSecondAccumulator, WindSecondAccumulator> {
    private static final long serialVersionUID = 1L;

    @Override
    public WindSecondAccumulator createAccumulator() {
        return new WindSecondAccumulator();
    }

    @Override
    public WindSecondAccumulator add(EnrichedWindReading r, WindSecondAccumulator acc) {
        acc.speedMax = acc.samples == 0 ? r.windSpeed() : Math.max(acc.speedMax, r.windSpeed());
        acc.samples++;
        acc.speedSum += r.windSpeed();
        if (r.gust() != null) {
            acc.gustMax = acc.gustMax == null ? r.gust() : Math.max(acc.gustMax, r.gust());
        }
        if (r.windDirection() != null) {
            double radians = Math.toRadians(r.windDirection());
            acc.directions++;
            acc.directionSin += Math.sin(radians);
            acc.directionCos += Math.cos(radians);
        }
        // The earliest reading's owner and thresholds, so a second does not depend on the order
        // its readings arrived in (two at the same instant: the better-enriched one).
        if (r.timestamp() < acc.enrichedAt
                || (r.timestamp() == acc.enrichedAt
                        && r.status().ordinal() < acc.status.ordinal())) {
            acc.enrichedAt = r.timestamp();
            acc.enrichment = r.enrichment();
            acc.status = r.status();
            acc.warningSpeed = r.warningSpeed();
            acc.stormSpeed = r.stormSpeed();
        }
        return acc;
    }

    @Override
    public WindSecondAccumulator getResult(WindSecondAccumulator acc) {
        return acc;
    }

    @Override
    public WindSecondAccumulator merge(WindSecondAccumulator a, WindSecondAccumulator b) {
        throw new UnsupportedOperationException("tumbling windows never merge");
    }

    /**
     * The mean direction in degrees [0, 360), or null when there is none: no reading had a
     * direction, or the directions cancel out (their resultant is too short to point anywhere).
     */
    static Double circularMean(double sinSum, double cosSum, int count) {
        if (count == 0 || Math.hypot(sinSum, cosSum) / count < 1e-6) {
            return null;
        }
        double degrees = Math.toDegrees(Math.atan2(sinSum, cosSum));
        double rounded = Math.round((degrees + 360.0) * 1000.0) / 1000.0 % 360.0;
        return rounded;
    }
}
