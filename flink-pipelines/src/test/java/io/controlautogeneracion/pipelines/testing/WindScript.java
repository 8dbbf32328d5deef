package io.controlautogeneracion.pipelines.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * {@code sensor-wind} messages of a scripted fleet: each anemometer reports five times a second (at
 * +50, +250, ... ms) with the speed its script gives for that second, in event-time order.
 */
public final class WindScript {
    private final Instant base;
    private final List<Message> messages = new ArrayList<>();

    public WindScript(Instant base) {
        this.base = base;
    }

    /** Second {@code s} of the script as an instant. */
    public Instant at(int second) {
        return base.plusSeconds(second);
    }

    /** Readings of {@code windId} for seconds [from, to). */
    public WindScript report(String windId, int from, int to, IntToDoubleFunction speedAt) {
        for (int s = from; s < to; s++) {
            for (int k = 0; k < 5; k++) {
                long ts = base.toEpochMilli() + s * 1000L + k * 200L + 50;
                messages.add(
                        new Message(
                                ts,
                                windId,
                                String.format(
                                        Locale.ROOT,
                                        "{\"wind_id\":\"%s\",\"timestamp\":\"%s\",\"wind_speed\":%.1f,"
                                            + "\"wind_direction\":%d,\"gust\":%.1f}",
                                        windId,
                                        Instant.ofEpochMilli(ts),
                                        speedAt.applyAsDouble(s),
                                        (s * 7 + k) % 360,
                                        speedAt.applyAsDouble(s) + 1.0)));
            }
        }
        return this;
    }

    /** A message that is not a valid reading, sent at second {@code s}. */
    public WindScript invalid(String key, int s, String payload) {
        messages.add(new Message(base.toEpochMilli() + s * 1000L, key, payload));
        return this;
    }

    public List<Map.Entry<String, String>> messages() {
        return messages.stream()
                .sorted(Comparator.comparingLong(Message::ts))
                .map(m -> Map.entry(m.key(), m.json()))
                .toList();
    }

    private record Message(long ts, String key, String json) {}
}
