package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.model.druid.PanelAlarmRow;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelAlarmsTest {
    private static final Instant H = Instant.parse("2026-06-10T10:00:00Z");
    private static final CatalogFacts MADRID = PanelFixtures.client("C-1", "Europe/Madrid");

    private static PanelHour hour(double wh, CatalogFacts facts) {
        return new PanelHour("P-1", H, wh, 60, 1.0, 0, facts);
    }

    private static InMemoryPanelHistory history(double... previousDays) {
        InMemoryPanelHistory h = new InMemoryPanelHistory();
        for (int d = 0; d < previousDays.length; d++) {
            h.putGeneration("P-1", H.minusSeconds(86_400L * (d + 1)), previousDays[d]);
        }
        return h;
    }

    @Test
    void shouldRaiseAnAlarmBelowSeventyPercentOfTheMedianOfPreviousDays() {
        List<PanelAlarmRow> alarms =
                PanelAlarms.defaults()
                        .build(
                                List.of(hour(100, MADRID)),
                                HourRange.hour(H),
                                history(300, 310, 900, 290, 305));
        assertThat(alarms).hasSize(1);
        PanelAlarmRow a = alarms.get(0);
        assertThat(a.powerLow()).isCloseTo(305 - 100, within(1e-9));
        assertThat(a.enrichment().clientId()).isEqualTo("C-1");
        assertThat(a.textAlarm())
                .contains("100.0 Wh", "33 %", "305.0 Wh", "5 of the previous 7 days", "70 %");
    }

    @Test
    void shouldStayQuietAtSeventyPercentOrMore() {
        assertThat(
                        PanelAlarms.defaults()
                                .build(
                                        List.of(hour(214, MADRID)),
                                        HourRange.hour(H),
                                        history(300, 300, 300)))
                .isEmpty();
    }

    @Test
    void shouldUseTheElementTypesThreshold() {
        CatalogFacts strict =
                new CatalogFacts(
                        true,
                        "C-1",
                        null,
                        null,
                        null,
                        null,
                        null,
                        "PV",
                        null,
                        null,
                        "Europe/Madrid",
                        40.4,
                        -3.7,
                        30.0,
                        180.0,
                        400.0,
                        0.9,
                        null);
        assertThat(
                        PanelAlarms.defaults()
                                .build(
                                        List.of(hour(250, strict)),
                                        HourRange.hour(H),
                                        history(300, 300, 300)))
                .hasSize(1);
    }

    @Test
    void shouldPreferTheClientsLightSensorOverHistory() {
        ExpectedEnergy.Source sensor = h -> new ExpectedEnergy(1000, "light sensor L-1");
        List<PanelAlarmRow> alarms =
                PanelAlarms.defaults()
                        .withLight(sensor)
                        .build(
                                List.of(hour(500, MADRID)),
                                HourRange.hour(H),
                                history(400, 400, 400));
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).powerLow()).isCloseTo(500, within(1e-9));
        assertThat(alarms.get(0).textAlarm()).contains("light sensor L-1");
    }

    @Test
    void shouldNotJudgeWithoutEnoughHistoryOrAtNight() {
        assertThat(
                        PanelAlarms.defaults()
                                .build(
                                        List.of(hour(0, MADRID)),
                                        HourRange.hour(H),
                                        history(300, 300)))
                .isEmpty();
        assertThat(
                        PanelAlarms.defaults()
                                .build(
                                        List.of(hour(0, MADRID)),
                                        HourRange.hour(H),
                                        history(5, 6, 4, 5)))
                .isEmpty();
    }

    @Test
    void shouldRaiseAnAlarmForASilentHourOfDaylightAndLeaveItOutOfTheMedians() {
        PanelHour silent = new PanelHour("P-1", H, 0.0, 0, 0.0, 0, MADRID);
        List<PanelAlarmRow> alarms =
                PanelAlarms.defaults()
                        .build(List.of(silent), HourRange.hour(H), history(300, 310, 290));
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).powerLow()).isCloseTo(300, within(1e-9));
        assertThat(alarms.get(0).textAlarm())
                .isEqualTo(
                        "panel P-1 sent no reading in the hour from 2026-06-10T10:00:00Z; 300.0 Wh"
                                + " were expected from the median of the same hour on 3 of the"
                                + " previous 7 days");

        // Days later in the same run: the silent day is no reference (the median stays 300).
        Instant later = H.plusSeconds(86_400);
        List<PanelAlarmRow> next =
                PanelAlarms.defaults()
                        .build(
                                List.of(
                                        silent,
                                        new PanelHour("P-1", later, 100, 60, 1.0, 0, MADRID)),
                                new HourRange(H, later.plusSeconds(3600)),
                                history(300, 310, 290));
        assertThat(next).extracting(PanelAlarmRow::textAlarm).anyMatch(t -> t.contains("100.0 Wh"));
        assertThat(next)
                .filteredOn(a -> a.timestamp().equals(later))
                .singleElement()
                .satisfies(a -> assertThat(a.powerLow()).isCloseTo(300 - 100, within(1e-9)));
    }

    @Test
    void shouldNotAlarmForASilentHourAtNight() {
        PanelHour silent = new PanelHour("P-1", H, 0.0, 0, 0.0, 0, MADRID);
        assertThat(
                        PanelAlarms.defaults()
                                .build(List.of(silent), HourRange.hour(H), history(2, 3, 1)))
                .isEmpty();
    }
}
