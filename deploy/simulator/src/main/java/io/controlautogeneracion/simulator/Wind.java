package io.controlautogeneracion.simulator;

/**
 * Wind per weather region and anemometer. A region has its own mean (2.5–5 m/s), an afternoon
 * maximum and a slow drift (3 h), rarely reaching the warning threshold by itself; on about three
 * days in ten a storm crosses it: a bump of 1.5–4 h peaking at 19–32 m/s, above the default warning
 * (15 m/s) and often the storm (25 m/s) threshold. Each anemometer adds its exposure, turbulence
 * correlated over a few seconds, and gusts.
 */
final class Wind {

    static final long HOUR = 3_600_000L;
    private static final long DAY = 24 * HOUR;

    /** Share of region-days with a storm. */
    static final double STORM_CHANCE = 0.3;

    private final Noise noise;

    Wind(Noise noise) {
        this.noise = noise;
    }

    /** One reading: mean speed over the reading, its gust, and where it comes from. */
    record Sample(double speed, double gust, double direction) {}

    /** A storm over a region: start, duration and peak speed. */
    record Storm(long startMs, long durationMs, double peak) {
        double at(long ms) {
            if (ms < startMs || ms >= startMs + durationMs) {
                return 0;
            }
            double s = Math.sin(Math.PI * (ms - startMs) / durationMs);
            return peak * s * s;
        }
    }

    /** The storm that starts on a region's UTC day, or null. */
    Storm storm(String region, long day) {
        long stream = Noise.stream(region, "storm");
        if (noise.uniform(stream, 4 * day) >= STORM_CHANCE) {
            return null;
        }
        long start = day * DAY + (long) (noise.uniform(stream, 4 * day + 1) * DAY);
        long duration = (long) ((1.5 + 2.5 * noise.uniform(stream, 4 * day + 2)) * HOUR);
        double peak = 19 + 13 * noise.uniform(stream, 4 * day + 3);
        return new Storm(start, duration, peak);
    }

    /** The region's mean wind (m/s) at an instant, storms included. */
    double regional(SimSite site, long ms) {
        String region = site.region();
        double base = 2.5 + 2.5 * noise.uniform(Noise.stream(region, "wind-base"), 0);
        double solarHour = ((ms / (double) HOUR) + site.longitude() / 15.0) % 24;
        double diurnal = 1 + 0.25 * Math.sin(2 * Math.PI * (solarHour - 9) / 24);
        double drift =
                Math.exp(0.3 * noise.smooth(Noise.stream(region, "wind-drift"), ms, 3 * HOUR));
        long day = Math.floorDiv(ms, DAY);
        double storm = 0;
        // A storm that started late yesterday may still blow.
        for (long d = day - 1; d <= day; d++) {
            Storm s = storm(region, d);
            if (s != null) {
                storm = Math.max(storm, s.at(ms));
            }
        }
        return base * diurnal * drift + storm;
    }

    /** One anemometer's reading at an instant. */
    Sample sample(String deviceId, SimSite site, long ms) {
        long device = Noise.stream(deviceId, "wind");
        double exposure = 0.85 + 0.3 * noise.uniform(device, -1);
        double mean = regional(site, ms) * exposure;
        double turbulence =
                0.12 * noise.smooth(device, ms, 4_000) + 0.05 * noise.gaussian(device ^ 1, ms);
        double speed = Math.max(0, mean * (1 + turbulence));
        double gust = speed * (1.15 + 0.2 * Math.abs(noise.gaussian(device ^ 2, ms)));
        long region = Noise.stream(site.region(), "wind-direction");
        double direction =
                360 * noise.uniform(region, 0)
                        + 60 * noise.smooth(region, ms, 6 * HOUR)
                        + 15 * noise.smooth(device ^ 3, ms, 20_000);
        direction = ((direction % 360) + 360) % 360;
        return new Sample(speed, gust, direction);
    }
}
