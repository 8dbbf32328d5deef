package io.controlautogeneracion.ingest.bench;

import io.controlautogeneracion.model.reading.DeviceKind;

import java.time.Instant;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic device messages for the benchmarks: sizes and fields as the simulator sends them, with
 * about 1 % invalid (negative values, missing fields, text that is not JSON).
 */
final class BenchMessages {

    static final double INVALID_SHARE = 0.01;

    private final SplittableRandom random;

    BenchMessages(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Device id of message {@code i} (500 devices per topic, as keys). */
    static String deviceId(DeviceKind kind, long i) {
        return kind.defaultTopic() + "-" + (i % 500);
    }

    String message(DeviceKind kind, long i, Instant at) {
        String id = deviceId(kind, i);
        if (random.nextDouble() < INVALID_SHARE) {
            return invalid(kind, id, at);
        }
        return switch (kind) {
            case PANEL ->
                    String.format(
                            Locale.ROOT,
                            "{\"panel_id\":\"%s\",\"timestamp\":\"%s\",\"power_w\":%.1f,\"energy_wh\":%.1f,"
                                    + "\"voltage_v\":%.1f,\"current_a\":%.2f,\"temperature_c\":%.1f}",
                            id,
                            at,
                            random.nextDouble(0, 450),
                            10_000 + i * 0.5,
                            random.nextDouble(220, 240),
                            random.nextDouble(0, 2),
                            random.nextDouble(5, 60));
            case LIGHT ->
                    String.format(
                            Locale.ROOT,
                            "{\"light_id\":\"%s\",\"timestamp\":%d,\"lux\":%.1f,\"temperature_c\":%.1f}",
                            id,
                            at.toEpochMilli(),
                            random.nextDouble(0, 110_000),
                            random.nextDouble(5, 40));
            case WIND ->
                    String.format(
                            Locale.ROOT,
                            "{\"wind_id\":\"%s\",\"timestamp\":\"%s\",\"wind_speed\":%.2f,"
                                    + "\"wind_direction\":%.0f,\"gust\":%.2f}",
                            id,
                            at,
                            random.nextDouble(0, 25),
                            random.nextDouble(0, 360),
                            random.nextDouble(0, 35));
        };
    }

    private String invalid(DeviceKind kind, String id, Instant at) {
        return switch (random.nextInt(3)) {
            case 0 -> "{\"" + kind.idField() + "\":\"" + id + "\",\"timestamp\":\"" + at + "\"}";
            case 1 ->
                    "{\""
                            + kind.idField()
                            + "\":\""
                            + id
                            + "\",\"timestamp\":\""
                            + at
                            + "\",\"power_w\":-5,\"lux\":-5,\"wind_speed\":-5}";
            default -> "device " + id + " rebooted at " + at;
        };
    }
}
