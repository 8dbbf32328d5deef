package io.controlautogeneracion.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.model.reading.ParseResult;
import io.controlautogeneracion.model.reading.ReadingParser;
import io.controlautogeneracion.model.reading.ValidationRules;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The samples are what the model's parser says they are: valid readings plus eight bad messages.
 */
class SampleMessagesTest {
    private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");
    private final ReadingParser parser =
            new ReadingParser(ValidationRules.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldSendValidReadingsForEveryDeviceAndEightInvalidMessages() {
        List<SampleMessages.Sample> samples =
                SampleMessages.build(NOW, 5, List.of("P1", "P2"), List.of("L1"), List.of("W1"));

        Map<Boolean, List<SampleMessages.Sample>> byValidity =
                samples.stream()
                        .collect(
                                Collectors.partitioningBy(
                                        s -> parse(s) instanceof ParseResult.Valid));

        assertThat(byValidity.get(true)).hasSize(5 * 4);
        assertThat(byValidity.get(false)).hasSize(8);
        assertThat(byValidity.get(true))
                .allMatch(s -> ((ParseResult.Valid) parse(s)).reading().deviceId().equals(s.key()));
    }

    private ParseResult parse(SampleMessages.Sample sample) {
        DeviceKind kind =
                Arrays.stream(DeviceKind.values())
                        .filter(k -> k.defaultTopic().equals(sample.topic()))
                        .findFirst()
                        .orElseThrow();
        return parser.parse(kind, sample.value());
    }
}
