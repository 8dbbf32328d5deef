package io.controlautogeneracion.pipelines.landing;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.util.Collector;
import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** The landing source judges a timestamp's age by the clock it is given, as Flink ships it. */
class LandingDeserializerTest {
    // Midnight, the edge of a day and of an hour.
    private static final Instant MIDNIGHT = Instant.parse("2026-11-28T00:00:00Z");

    private static List<LandedLine> land(LandingDeserializer deserializer, Instant... stamps) {
        List<LandedLine> out = new ArrayList<>();
        Collector<LandedLine> collector =
                new Collector<>() {
                    @Override
                    public void collect(LandedLine line) {
                        out.add(line);
                    }

                    @Override
                    public void close() {}
                };
        for (Instant t : stamps) {
            String json = "{\"panel_id\":\"P-1\",\"timestamp\":\"" + t + "\",\"power_w\":120}";
            deserializer.deserialize(
                    new ConsumerRecord<>(
                            "panel",
                            0,
                            0L,
                            "P-1".getBytes(StandardCharsets.UTF_8),
                            json.getBytes(StandardCharsets.UTF_8)),
                    collector);
        }
        return out;
    }

    @Test
    void shouldJudgeTheMaximumAgeByTheInjectedClockAtMidnight() throws Exception {
        Instant oldest = MIDNIGHT.minus(Duration.ofDays(7));
        Instant tooOld = oldest.minusMillis(1);
        LandingDeserializer atMidnight =
                new LandingDeserializer(
                        Map.of("panel", DeviceKind.PANEL), Clock.fixed(MIDNIGHT, ZoneOffset.UTC));
        // Flink serialises the schema into its tasks: the clock travels with it.
        LandingDeserializer shipped =
                InstantiationUtil.clone(atMidnight, getClass().getClassLoader());

        List<LandedLine> lines = land(shipped, oldest, tooOld);

        assertThat(lines).extracting(LandedLine::valid).containsExactly(true, false);
        assertThat(lines.get(1).invalidReason()).contains("older than the maximum age of 7 days");
        assertThat(lines)
                .extracting(LandedLine::eventTime)
                .containsExactly(oldest.toEpochMilli(), tooOld.toEpochMilli());

        LandingDeserializer justBefore =
                new LandingDeserializer(
                        Map.of("panel", DeviceKind.PANEL),
                        Clock.fixed(MIDNIGHT.minusMillis(1), ZoneOffset.UTC));
        assertThat(land(justBefore, tooOld)).extracting(LandedLine::valid).containsExactly(true);
    }
}
