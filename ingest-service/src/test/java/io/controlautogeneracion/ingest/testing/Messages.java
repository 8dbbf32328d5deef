package io.controlautogeneracion.ingest.testing;

import java.time.Instant;
import java.util.UUID;

/** Device messages as devices send them (SPEC §3), with ids unique to each test. */
public final class Messages {

    private Messages() {}

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String panel(String id, Instant at, double powerW) {
        return "{\"panel_id\":\"%s\",\"timestamp\":\"%s\",\"power_w\":%s,\"energy_wh\":1234.5,\"voltage_v\":230.1,\"firmware\":\"2.1\"}"
                .formatted(id, at, powerW);
    }

    public static String light(String id, Instant at, double lux) {
        return "{\"light_id\":\"%s\",\"timestamp\":%d,\"lux\":%s,\"temperature_c\":21.5}"
                .formatted(id, at.toEpochMilli(), lux);
    }

    public static String wind(String id, Instant at, double speed) {
        return "{\"wind_id\":\"%s\",\"timestamp\":\"%s\",\"wind_speed\":%s,\"wind_direction\":270,\"gust\":%s}"
                .formatted(id, at, speed, speed + 2);
    }
}
