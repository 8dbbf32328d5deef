package io.controlautogeneracion.pipelines.testing;

import io.controlautogeneracion.testing.KafkaTestBroker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * {@code sensor-wind} messages of a scripted fleet: each anemometer reports five times a second (at
 * +50, +250, ... ms) with the speed its script gives for that second, in the order they were sent.
 * An anemometer whose clock runs ahead stamps its readings ahead of when it sends them.
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
        return reportAhead(windId, from, to, 0, speedAt);
    }

    /**
     * Readings sent at seconds [from, to) by {@code windId}, whose clock runs {@code aheadSeconds}
     * ahead: each is stamped {@code aheadSeconds} after it is sent.
     */
    public WindScript reportAhead(
            String windId, int from, int to, int aheadSeconds, IntToDoubleFunction speedAt) {
        for (int s = from; s < to; s++) {
            for (int k = 0; k < 5; k++) {
                long sent = base.toEpochMilli() + s * 1000L + k * 200L + 50;
                long ts = sent + aheadSeconds * 1000L;
                messages.add(
                        new Message(
                                sent,
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

    /** Key and value of every message, in the order they were sent. */
    public List<Map.Entry<String, String>> messages() {
        return sent().map(m -> Map.entry(m.key(), m.json())).toList();
    }

    /**
     * Every message in the order it was sent, with the timestamp a broker with {@code
     * LogAppendTime} would give its record: 20 ms after it was sent.
     */
    public List<KafkaTestBroker.Stamped> logged() {
        return sent().map(m -> new KafkaTestBroker.Stamped(m.key(), m.json(), m.sent() + 20))
                .toList();
    }

    private java.util.stream.Stream<Message> sent() {
        return messages.stream().sorted(Comparator.comparingLong(Message::sent));
    }

    private record Message(long sent, String key, String json) {}
}
