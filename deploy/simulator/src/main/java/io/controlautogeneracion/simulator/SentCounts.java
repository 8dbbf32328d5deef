package io.controlautogeneracion.simulator;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/** What a run has sent: messages per device kind, malformed ones, and the rates since a look. */
final class SentCounts {
    private final long[] sent;
    private long malformed;

    SentCounts() {
        this(new long[DeviceKind.values().length], 0);
    }

    private SentCounts(long[] sent, long malformed) {
        this.sent = sent;
        this.malformed = malformed;
    }

    void add(Message m) {
        sent[m.kind().ordinal()]++;
        if (!m.valid()) {
            malformed++;
        }
    }

    long total() {
        return Arrays.stream(sent).sum();
    }

    long malformed() {
        return malformed;
    }

    /** The counts as they are now, for rates later. */
    SentCounts snapshot() {
        return new SentCounts(sent.clone(), malformed);
    }

    /** Messages per second since {@code before}, over {@code seconds}. */
    double rate(SentCounts before, double seconds) {
        return (total() - before.total()) / seconds;
    }

    /** "panel 7.8, sensor-light 0.7, sensor-wind 39.0": messages per second per topic. */
    String ratesPerTopic(SentCounts before, double seconds, Map<DeviceKind, String> topics) {
        StringBuilder rates = new StringBuilder();
        for (DeviceKind k : DeviceKind.values()) {
            rates.append(rates.length() == 0 ? "" : ", ")
                    .append(topics.getOrDefault(k, k.defaultTopic()))
                    .append(' ')
                    .append(
                            String.format(
                                    Locale.ROOT,
                                    "%.1f",
                                    (sent[k.ordinal()] - before.sent[k.ordinal()]) / seconds));
        }
        return rates.toString();
    }
}
