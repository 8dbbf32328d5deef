package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.model.druid.PanelAlarmRow;
import io.controlautogeneracion.model.druid.PanelQuality;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.wind.CatalogColumns;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PanelAlarmsTest {
    private static final Instant H = Instant.parse("2026-06-10T10:00:00Z");
    private static final CatalogFacts MADRID = PanelFixtures.client("C-1", "Europe/Madrid");

    private static PanelHour hour(double wh, CatalogFacts facts) {
        return new PanelHour("P-1", H, wh, PanelQuality.complete(60), facts);
    }

    private static InMemoryPanelHistory history(double... previousDays) {
        InMemoryPanelHistory h = new InMemoryPanelHistory();
        for (int d = 0; d < previousDays.length; d++) {
            h.putGeneration(
                    PanelReports.key("P-1", "C-1"),
                    H.minusSeconds(86_400L * (d + 1)),
                    previousDays[d]);
        }
        return h;
    }

    @Test
    void shouldRaiseAnAlarmBelowSeventyPercentOfTheMedianOfPreviousDays() {
        List<PanelAlarmRow> alarms =
                PanelAlarms.defaults()
                        .build(List.of(hour(100, MADRID)), H, history(300, 310, 900, 290, 305));
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
                                .build(List.of(hour(214, MADRID)), H, history(300, 300, 300)))
                .isEmpty();
    }

    @Test
    void shouldUseTheElementTypesThreshold() {
        CatalogFacts strict =
                new CatalogFacts(
                        true,
                        new CatalogColumns("C-1", null, null, null, null, null, "PV", null, null),
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
                                .build(List.of(hour(250, strict)), H, history(300, 300, 300)))
                .hasSize(1);
    }

    @Test
    void shouldPreferTheClientsLightSensorOverHistory() {
        ExpectedEnergy.Source sensor = h -> new ExpectedEnergy(1000, "light sensor L-1");
        List<PanelAlarmRow> alarms =
                PanelAlarms.defaults()
                        .withLight(sensor)
                        .build(List.of(hour(500, MADRID)), H, history(400, 400, 400));
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).powerLow()).isCloseTo(500, within(1e-9));
        assertThat(alarms.get(0).textAlarm()).contains("light sensor L-1");
    }

    @Test
    void shouldNotJudgeWithoutEnoughHistoryOrAtNight() {
        assertThat(PanelAlarms.defaults().build(List.of(hour(0, MADRID)), H, history(300, 300)))
                .isEmpty();
        assertThat(PanelAlarms.defaults().build(List.of(hour(0, MADRID)), H, history(5, 6, 4, 5)))
                .isEmpty();
    }

    @Test
    void shouldRaiseAnAlarmForASilentHourOfDaylightAndLeaveItOutOfTheMedians() {
        PanelHour silent = PanelHour.silent("P-1", H, MADRID);
        List<PanelAlarmRow> alarms =
                PanelAlarms.defaults().build(List.of(silent), H, history(300, 310, 290));
        assertThat(alarms).hasSize(1);
        assertThat(alarms.get(0).powerLow()).isCloseTo(300, within(1e-9));
        assertThat(alarms.get(0).textAlarm())
                .isEqualTo(
                        "panel P-1 sent no reading in the hour from 2026-06-10T10:00:00Z; 300.0 Wh"
                                + " were expected from the median of the same hour on 3 of the"
                                + " previous 7 days (300.0 Wh), for the 100 % of the hour"
                                + " covered");

        // Days later in the same run: the silent day is no reference (the median stays 300).
        Instant later = H.plusSeconds(86_400);
        List<PanelAlarmRow> next =
                PanelAlarms.defaults()
                        .build(
                                List.of(
                                        silent,
                                        new PanelHour(
                                                "P-1",
                                                later,
                                                100,
                                                PanelQuality.complete(60),
                                                MADRID)),
                                H,
                                history(300, 310, 290));
        assertThat(next).extracting(PanelAlarmRow::textAlarm).anyMatch(t -> t.contains("100.0 Wh"));
        assertThat(next)
                .filteredOn(a -> a.timestamp().equals(later))
                .singleElement()
                .satisfies(a -> assertThat(a.powerLow()).isCloseTo(300 - 100, within(1e-9)));
    }

    @Test
    void shouldNotTakeATwentyMinuteGapForUnderProduction() {
        // Readings cover 40 minutes of the hour; in them the panel made 200 Wh, as it should:
        // 300 Wh a full hour on the previous days, so 200 Wh for two thirds of it.
        PanelHour gappy =
                new PanelHour("P-1", H, 200, new PanelQuality(40, 40.0 / 60, 0, 0, 0), MADRID);
        assertThat(PanelAlarms.defaults().build(List.of(gappy), H, history(300, 300, 300)))
                .isEmpty();
        ExpectedEnergy.Source sensor =
                h -> new ExpectedEnergy(300 * h.expectedShare(), "light sensor L-1");
        assertThat(PanelAlarms.defaults().withLight(sensor).build(List.of(gappy), H, history()))
                .isEmpty();
        // The same 200 Wh over a full hour is two thirds of 300: an alarm.
        assertThat(
                        PanelAlarms.defaults()
                                .build(
                                        List.of(
                                                new PanelHour(
                                                        "P-1",
                                                        H,
                                                        200,
                                                        PanelQuality.complete(60),
                                                        MADRID)),
                                        H,
                                        history(300, 300, 300)))
                .hasSize(1);
    }

    @Test
    void shouldJudgeOnlyTheMeasuredPartAgainstTheCoveredExpectation() {
        // 150 Wh measured over half the hour, plus 100 Wh a counter gap gave the other half:
        // against 300 × 0.5 = 150 Wh expected, nothing is missing.
        PanelHour half = new PanelHour("P-1", H, 250, new PanelQuality(30, 0.5, 100, 0, 0), MADRID);
        assertThat(PanelAlarms.defaults().build(List.of(half), H, history(300, 300, 300)))
                .isEmpty();
    }

    @Test
    void shouldNotAlarmForASilentHourAtNight() {
        PanelHour silent = PanelHour.silent("P-1", H, MADRID);
        assertThat(PanelAlarms.defaults().build(List.of(silent), H, history(2, 3, 1))).isEmpty();
    }
}
