package io.controlautogeneracion.pipelines.wind;

import static io.controlautogeneracion.pipelines.wind.WindFixtures.T0;
import static io.controlautogeneracion.pipelines.wind.WindFixtures.reading;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Wind episodes over closed seconds: readings through the job's 1-second windows, then the alarm
 * operator, in operator harnesses. Warning 15 m/s, storm 25, clear 13.5, calm period 5 s.
 */
class WindAlarmsTest {
    private WindAlarmHarness harness;

    @BeforeEach
    void open() throws Exception {
        harness = new WindAlarmHarness();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void send(EnrichedWindReading r) throws Exception {
        harness.send(r);
    }

    private List<WindAlarm> rows() {
        return harness.rows();
    }

    @Test
    void shouldRaiseOneAlarmPerEpisodeNotOnePerReading() throws Exception {
        send(reading("W-1", 100, 16.0));
        send(reading("W-1", 600, 17.5));
        send(reading("W-1", 1_200, 18.0));
        send(reading("W-1", 2_300, 16.5));
        harness.watermark(T0 + 2_999);

        assertThat(rows())
                .extracting(
                        WindAlarm::level,
                        WindAlarm::timestamp,
                        WindAlarm::episodeStart,
                        WindAlarm::episodeEnd,
                        WindAlarm::windSpeed)
                .containsExactly(tuple(AlarmLevel.WARNING, T0, T0, null, 17.5));
        assertThat(rows().get(0).textAlarm())
                .isEqualTo(
                        "Wind warning: 1-second max 17.5 m/s reached the warning threshold 15.0"
                                + " m/s");
        assertThat(rows().get(0).enrichment().clientId()).isEqualTo("C-A");
    }

    @Test
    void shouldDecideASecondOnlyOnceItIsClosed() throws Exception {
        send(reading("W-1", 100, 16.0));
        harness.watermark(T0 + 998);

        assertThat(rows()).isEmpty();
    }

    @Test
    void shouldOpenOneStormEpisodeForAWarningAndAStormReadingInTheSameSecond() throws Exception {
        send(reading("W-1", 100, 16.0));
        send(reading("W-1", 400, 26.0));
        send(reading("W-1", 700, 17.0));
        harness.watermark(T0 + 20_000);

        assertThat(rows())
                .extracting(
                        WindAlarm::level,
                        WindAlarm::timestamp,
                        WindAlarm::episodeStart,
                        WindAlarm::episodeEnd,
                        WindAlarm::windSpeed)
                .containsExactly(
                        tuple(AlarmLevel.STORM, T0, T0, null, 26.0),
                        tuple(AlarmLevel.STORM, T0 + 6_000, T0, T0 + 1_000, 26.0));
        assertThat(rows().get(0).textAlarm())
                .isEqualTo("Storm: 1-second max 26.0 m/s reached the storm threshold 25.0 m/s");
    }

    @Test
    void shouldCloseOnlyAfterTheCalmPeriodBelowTheClearSpeed() throws Exception {
        send(reading("W-1", 100, 16.0));
        // 14 m/s is under the warning but over the clear speed (13.5): the episode goes on.
        send(reading("W-1", 3_100, 14.0));
        send(reading("W-1", 5_100, 10.0));
        harness.watermark(T0 + 8_999);
        assertThat(rows()).hasSize(1);

        harness.watermark(T0 + 9_000);
        send(reading("W-1", 10_100, 16.0));
        harness.watermark(T0 + 10_999);

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
        harness.watermark(T0 + 20_000);

        assertThat(rows())
                .extracting(
                        WindAlarm::level,
                        WindAlarm::timestamp,
                        WindAlarm::episodeStart,
                        WindAlarm::windSpeed)
                .containsExactly(
                        tuple(AlarmLevel.WARNING, T0, T0, 16.0),
                        tuple(AlarmLevel.STORM, T0 + 1_000, T0, 26.0),
                        tuple(AlarmLevel.STORM, T0 + 9_000, T0, 27.0));
        assertThat(rows().get(2).episodeEnd()).isEqualTo(T0 + 4_000);
    }

    @Test
    void shouldGiveTheSameRowsWhetherTheCalmTimerOrALaterSecondComesFirst() throws Exception {
        send(reading("W-1", 100, 16.0));
        send(reading("W-1", 7_100, 16.0));
        harness.watermark(T0 + 7_999);
        List<WindAlarm> secondFirst = List.copyOf(rows());

        harness.close();
        open();
        send(reading("W-1", 100, 16.0));
        harness.watermark(T0 + 6_000);
        send(reading("W-1", 7_100, 16.0));
        harness.watermark(T0 + 7_999);

        assertThat(rows()).isEqualTo(secondFirst).hasSize(3);
    }

    /**
     * Forty seconds of five readings a second, with a warning and a storm reading in one second, an
     * escalation, a windy second inside the hysteresis band and two calm periods, sent in time
     * order and then in twenty orders where each reading may overtake those of the 800 ms before it
     * (the watermark 1 s behind the latest reading, so none is late). Every order gives the rows of
     * the ordered stream.
     */
    @Test
    void shouldGiveTheSameRowsWhateverTheOrderOfTheReadings() throws Exception {
        List<EnrichedWindReading> script = new ArrayList<>();
        for (int s = 0; s < 40; s++) {
            for (int k = 0; k < 5; k++) {
                script.add(reading("W-1", s * 1_000L + k * 200 + 50, speed(s, k)));
            }
        }
        List<WindAlarm> ordered = run(script, new Random(0), 0);
        assertThat(ordered)
                .extracting(
                        WindAlarm::level,
                        WindAlarm::timestamp,
                        WindAlarm::episodeStart,
                        WindAlarm::episodeEnd,
                        WindAlarm::windSpeed)
                .containsExactly(
                        tuple(AlarmLevel.STORM, T0 + 3_000, T0 + 3_000, null, 26.0),
                        tuple(AlarmLevel.STORM, T0 + 12_000, T0 + 3_000, T0 + 7_000, 26.0),
                        tuple(AlarmLevel.WARNING, T0 + 14_000, T0 + 14_000, null, 16.0),
                        tuple(AlarmLevel.STORM, T0 + 15_000, T0 + 14_000, null, 26.5),
                        tuple(AlarmLevel.STORM, T0 + 25_000, T0 + 14_000, T0 + 20_000, 26.5));

        for (int seed = 1; seed <= 20; seed++) {
            harness.close();
            open();
            assertThat(run(script, new Random(seed), 800)).as("order %d", seed).isEqualTo(ordered);
        }
    }

    /** Seconds 3 (a warning and a storm reading), 15 (escalation), 19 (windy, under warning). */
    private static double speed(int s, int k) {
        if (s == 3) {
            return k == 0 ? 16.0 : k == 3 ? 26.0 : 10.0;
        }
        if (s >= 4 && s <= 6) {
            return 14.0;
        }
        if (s == 14) {
            return k == 4 ? 16.0 : 5.0;
        }
        if (s == 15) {
            return k == 1 ? 26.5 : 12.0;
        }
        if (s == 19) {
            return k == 2 ? 14.0 : 3.0;
        }
        return 5.0;
    }

    private List<WindAlarm> run(List<EnrichedWindReading> script, Random random, int overtake)
            throws Exception {
        record Arrival(EnrichedWindReading reading, long key) {}
        List<EnrichedWindReading> arrivals =
                script.stream()
                        .map(r -> new Arrival(r, r.timestamp() + random.nextInt(overtake + 1)))
                        .sorted(Comparator.comparingLong(Arrival::key))
                        .map(Arrival::reading)
                        .toList();
        long latest = Long.MIN_VALUE;
        for (EnrichedWindReading r : arrivals) {
            send(r);
            latest = Math.max(latest, r.timestamp());
            harness.watermark(latest - 1_001);
        }
        harness.watermark(T0 + 60_000);
        return List.copyOf(rows());
    }
}
