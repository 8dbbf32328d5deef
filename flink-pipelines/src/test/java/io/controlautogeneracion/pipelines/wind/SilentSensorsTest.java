package io.controlautogeneracion.pipelines.wind;

import static io.controlautogeneracion.pipelines.wind.WindFixtures.T0;
import static io.controlautogeneracion.pipelines.wind.WindFixtures.ahead;
import static io.controlautogeneracion.pipelines.wind.WindFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.streaming.util.ProcessFunctionTestHarnesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Silent anemometers in the operator harness: silence after 10 s. */
class SilentSensorsTest {
    private static final long FOUR_MINUTES = 240_000;

    private SilentSensors silent;
    private KeyedOneInputStreamOperatorTestHarness<String, EnrichedWindReading, WindAlarm> harness;

    @BeforeEach
    void open() throws Exception {
        silent = new SilentSensors(new SilenceWatch(Duration.ofSeconds(10)));
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        silent, EnrichedWindReading::windId, Types.STRING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(EnrichedWindReading r) throws Exception {
        harness.processElement(r, r.timestamp());
    }

    private List<WindAlarm> rows() {
        return harness.extractOutputValues();
    }

    @Test
    void shouldRaiseSilentAfterThePeriodAndCloseItWhenTheSensorReportsAgain() throws Exception {
        send(reading("W-2", 500, 3.0));
        harness.processWatermark(T0 + 10_999);
        assertThat(rows()).isEmpty();

        harness.processWatermark(T0 + 11_000);
        send(reading("W-2", 15_200, 3.0));

        assertThat(rows())
                .extracting(
                        WindAlarm::level,
                        WindAlarm::timestamp,
                        WindAlarm::episodeStart,
                        WindAlarm::episodeEnd)
                .containsExactly(
                        tuple(AlarmLevel.SILENT, T0 + 11_000, T0 + 500, null),
                        tuple(AlarmLevel.SILENT, T0 + 15_000, T0 + 500, T0 + 15_200));
        assertThat(rows().get(0).textAlarm())
                .isEqualTo("Sensor silent: no reading for 10 s (last at 2026-11-28T12:00:00.500Z)");
    }

    @Test
    void shouldKeepASteadySensorFromEverLookingSilent() throws Exception {
        for (long t = 0; t < 60_000; t += 1_000) {
            send(reading("W-3", t, 4.0));
            harness.processWatermark(T0 + t);
        }

        assertThat(rows()).isEmpty();
    }

    @Test
    void shouldKeepASteadySensorWhoseClockRunsAheadFromLookingSilent() throws Exception {
        // Its readings are stamped four minutes ahead; the watermark follows the broker's clock.
        for (long t = 0; t < 60_000; t += 1_000) {
            send(ahead("W-FAST", t, FOUR_MINUTES, 4.0));
            harness.processWatermark(T0 + t - 500);
        }

        assertThat(rows()).isEmpty();
        assertThat(silent.lateReadings()).isZero();
    }

    @Test
    void shouldFindASensorWhoseClockRunsAheadSilentWhenItStopsNotMinutesLater() throws Exception {
        send(ahead("W-FAST", 500, FOUR_MINUTES, 4.0));
        harness.processWatermark(T0 + 11_000);

        assertThat(rows())
                .extracting(WindAlarm::level, WindAlarm::timestamp, WindAlarm::episodeStart)
                .containsExactly(tuple(AlarmLevel.SILENT, T0 + 11_000, T0 + 500));
    }

    @Test
    void shouldIgnoreAndCountAReadingWhoseSecondHasClosed() throws Exception {
        harness.processWatermark(T0 + 5_000);

        send(reading("W-1", 3_500, 30.0));
        send(reading("W-1", 4_999, 30.0));
        harness.processWatermark(T0 + 60_000);

        assertThat(rows()).isEmpty();
        assertThat(silent.lateReadings()).isEqualTo(2);
    }

    @Test
    void shouldGiveTheSameRowsWhetherTheSilenceTimerOrALaterReadingComesFirst() throws Exception {
        send(reading("W-2", 500, 3.0));
        send(reading("W-2", 15_200, 3.0));
        List<WindAlarm> readingFirst = List.copyOf(rows());

        harness.close();
        open();
        send(reading("W-2", 500, 3.0));
        harness.processWatermark(T0 + 11_000);
        send(reading("W-2", 15_200, 3.0));

        assertThat(rows()).isEqualTo(readingFirst).hasSize(2);
    }
}
