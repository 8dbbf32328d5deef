package io.controlautogeneracion.pipelines.wind;

import static io.controlautogeneracion.pipelines.wind.WindFixtures.T0;
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

/** Wind episodes and silence in the operator harness: calm period 5 s, silence after 10 s. */
class WindAlarmsTest {
    private WindAlarms alarms;
    private KeyedOneInputStreamOperatorTestHarness<String, EnrichedWindReading, WindAlarm> harness;

    @BeforeEach
    void open() throws Exception {
        alarms =
                new WindAlarms(
                        new WindEpisodes(0.9, Duration.ofSeconds(5)),
                        new SilenceWatch(Duration.ofSeconds(10)));
        harness =
                ProcessFunctionTestHarnesses.forKeyedProcessFunction(
                        alarms, EnrichedWindReading::windId, Types.STRING);
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
    void shouldRaiseOneAlarmPerEpisodeNotOnePerReading() throws Exception {
        send(reading("W-1", 100, 16.0));
        send(reading("W-1", 600, 17.5));
        send(reading("W-1", 1_200, 18.0));
        send(reading("W-1", 2_300, 16.5));

        assertThat(rows())
                .extracting(
                        WindAlarm::level,
                        WindAlarm::timestamp,
                        WindAlarm::episodeStart,
                        WindAlarm::episodeEnd,
                        WindAlarm::windSpeed)
                .containsExactly(tuple(AlarmLevel.WARNING, T0, T0, null, 16.0));
        assertThat(rows().get(0).textAlarm())
                .isEqualTo(
                        "Wind warning: 1-second max 16.0 m/s reached the warning threshold 15.0"
                                + " m/s");
        assertThat(rows().get(0).enrichment().clientId()).isEqualTo("C-A");
    }

    @Test
    void shouldCloseOnlyAfterTheCalmPeriodBelowTheClearSpeed() throws Exception {
        send(reading("W-1", 100, 16.0));
        // 14 m/s is under the warning but over the clear speed (13.5): the episode goes on.
        send(reading("W-1", 3_100, 14.0));
        send(reading("W-1", 5_100, 10.0));
        harness.processWatermark(T0 + 8_999);
        assertThat(rows()).hasSize(1);

        harness.processWatermark(T0 + 9_000);
        send(reading("W-1", 10_100, 16.0));

        assertThat(rows())
                .extracting(
                        WindAlarm::level,
                        WindAlarm::timestamp,
                        WindAlarm::episodeStart,
                        WindAlarm::episodeEnd)
                .containsExactly(
                        tuple(AlarmLevel.WARNING, T0, T0, null),
                        tuple(AlarmLevel.WARNING, T0 + 9_000, T0, T0 + 4_000),
                        tuple(AlarmLevel.WARNING, T0 + 10_000, T0 + 10_000, null));
        assertThat(rows().get(1).textAlarm())
                .isEqualTo(
                        "Wind warning over: peak 1-second max 16.0 m/s, calm (below 13.5 m/s) for 5"
                                + " s");
    }

    @Test
    void shouldEscalateAWarningToStormOnceWithinTheEpisode() throws Exception {
        send(reading("W-1", 100, 16.0));
        send(reading("W-1", 1_100, 26.0));
        send(reading("W-1", 2_100, 27.0));
        send(reading("W-1", 3_100, 26.5));
        harness.processWatermark(T0 + 20_000);

        assertThat(rows())
                .extracting(
                        WindAlarm::level,
                        WindAlarm::timestamp,
                        WindAlarm::episodeStart,
                        WindAlarm::windSpeed)
                .containsExactly(
                        tuple(AlarmLevel.WARNING, T0, T0, 16.0),
                        tuple(AlarmLevel.STORM, T0 + 1_000, T0, 26.0),
                        tuple(AlarmLevel.STORM, T0 + 9_000, T0, 27.0),
                        tuple(AlarmLevel.SILENT, T0 + 14_000, T0 + 3_100, null));
        assertThat(rows().get(2).episodeEnd()).isEqualTo(T0 + 4_000);
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
    void shouldIgnoreAndCountAReadingWhoseSecondHasClosed() throws Exception {
        harness.processWatermark(T0 + 5_000);

        send(reading("W-1", 3_500, 30.0));
        send(reading("W-1", 4_999, 30.0));

        assertThat(rows()).isEmpty();
        assertThat(alarms.lateReadings()).isEqualTo(2);
    }

    @Test
    void shouldGiveTheSameRowsWhetherTheCalmTimerOrALaterReadingComesFirst() throws Exception {
        send(reading("W-1", 100, 16.0));
        send(reading("W-1", 7_100, 16.0));
        List<WindAlarm> readingFirst = List.copyOf(rows());

        harness.close();
        open();
        send(reading("W-1", 100, 16.0));
        harness.processWatermark(T0 + 6_000);
        send(reading("W-1", 7_100, 16.0));

        assertThat(rows()).isEqualTo(readingFirst).hasSize(3);
    }
}
