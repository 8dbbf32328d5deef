package io.controlautogeneracion.pipelines.panel;

import static io.controlautogeneracion.pipelines.panel.PanelFixtures.client;
import static io.controlautogeneracion.pipelines.panel.PanelFixtures.wh;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.model.druid.PanelReportRow;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Diffs and running totals on a crafted dataset of two years and four months of hourly generation
 * for a Madrid panel and a Canary Islands panel: DST days, a leap day, month and year ends. The
 * whole range is one run without history; single-hour runs chained through history must agree.
 */
class PanelReportsTest {
    private static final String MADRID = "P-MAD";
    private static final String CANARY = "P-CAN";
    private static final CatalogFacts MADRID_CLIENT = client("C-MAD", "Europe/Madrid");
    private static final CatalogFacts CANARY_CLIENT = client("C-CAN", "Atlantic/Canary");
    private static final HourRange ALL = range("2025-12-01T00:00:00Z", "2028-04-02T00:00:00Z");
    private static final Instant GAP = Instant.parse("2027-06-15T10:00:00Z");

    private static List<PanelHour> hours;
    private static Map<String, Map<Instant, PanelReportRow>> rows;

    @BeforeAll
    static void runTheWholeRange() {
        hours = new ArrayList<>(PanelFixtures.hours(MADRID, ALL, MADRID_CLIENT, List.of(GAP)));
        hours.addAll(PanelFixtures.hours(CANARY, ALL, CANARY_CLIENT, List.of()));
        rows = index(PanelReports.build(hours, ALL.from(), PanelHistory.NONE));
    }

    @Test
    void shouldCompareTheLastOfMarchWithTheLeapDayOneMonthEarlier() {
        // 31 March 2028 10:00 in Madrid (CEST) against 29 February 2028 10:00 (CET).
        PanelReportRow r = row(MADRID, "2028-03-31T08:00:00Z");
        assertThat(r.diffLastMonth())
                .isEqualTo(r.powerGen() - wh(MADRID, Instant.parse("2028-02-29T09:00:00Z")));
        // 31 March − 3 months is 31 December; − 6 months is 30 September (the last day).
        assertThat(r.diffLastQuar())
                .isEqualTo(r.powerGen() - wh(MADRID, Instant.parse("2027-12-31T09:00:00Z")));
        assertThat(r.diffLastSix())
                .isEqualTo(r.powerGen() - wh(MADRID, Instant.parse("2027-09-30T08:00:00Z")));
    }

    @Test
    void shouldCompareTheLeapDayWithTheTwentyEighthOfFebruaryAYearEarlier() {
        PanelReportRow r = row(MADRID, "2028-02-29T11:00:00Z");
        assertThat(r.diffLastYear())
                .isEqualTo(r.powerGen() - wh(MADRID, Instant.parse("2027-02-28T11:00:00Z")));
    }

    @Test
    void shouldLetTwoSlotsShareTheirReferenceAfterTheSpringForward() {
        // 30 March 2026 00:00 and 01:00 UTC (02:00 and 03:00 CEST) both compare with 01:00 UTC
        // of 29 March: 02:00 local did not exist that night.
        Instant ref = Instant.parse("2026-03-29T01:00:00Z");
        for (String slot : List.of("2026-03-30T00:00:00Z", "2026-03-30T01:00:00Z")) {
            PanelReportRow r = row(MADRID, slot);
            assertThat(r.diffLastDay()).isEqualTo(r.powerGen() - wh(MADRID, ref));
        }
    }

    @Test
    void shouldSumTwentyThreeSlotsOnTheSpringDayAndTwentyFiveOnTheAutumnDay() {
        assertThat(row(MADRID, "2026-03-29T21:00:00Z").acumDay())
                .isCloseTo(sum(MADRID, "2026-03-28T23:00:00Z", 23), within(1e-6));
        assertThat(row(MADRID, "2026-10-25T22:00:00Z").acumDay())
                .isCloseTo(sum(MADRID, "2026-10-24T22:00:00Z", 25), within(1e-6));
        // the first slot of each local day starts again
        assertThat(row(MADRID, "2026-03-29T22:00:00Z").acumDay())
                .isEqualTo(wh(MADRID, Instant.parse("2026-03-29T22:00:00Z")));
    }

    @Test
    void shouldStartTheCanaryMonthOneHourAfterMadridsInSummer() {
        // 30 June 2026 23:00 UTC is 00:00 of 1 July in the Canaries and 01:00 in Madrid.
        Instant slot = Instant.parse("2026-06-30T23:00:00Z");
        assertThat(row(CANARY, slot.toString()).acumMonth()).isEqualTo(wh(CANARY, slot));
        assertThat(row(MADRID, slot.toString()).acumMonth())
                .isCloseTo(sum(MADRID, "2026-06-30T22:00:00Z", 2), within(1e-6));
        // and the Canary June ends at 22:00 UTC with the whole month
        assertThat(row(CANARY, "2026-06-30T22:00:00Z").acumMonth())
                .isCloseTo(sum(CANARY, "2026-05-31T23:00:00Z", 30 * 24), within(1e-6));
    }

    @Test
    void shouldRestartEveryTotalAtTheLocalNewYear() {
        PanelReportRow canary = row(CANARY, "2027-01-01T00:00:00Z");
        PanelReportRow madrid = row(MADRID, "2026-12-31T23:00:00Z");
        for (PanelReportRow r : List.of(canary, madrid)) {
            assertThat(List.of(r.acumDay(), r.acumMonth(), r.acumQuarter(), r.acumSemestre()))
                    .containsOnly(r.powerGen());
            assertThat(r.acumYear()).isEqualTo(r.powerGen());
        }
        assertThat(row(CANARY, "2026-12-31T23:00:00Z").acumYear())
                .isCloseTo(sum(CANARY, "2026-01-01T00:00:00Z", 365 * 24), within(1e-3));
        assertThat(row(CANARY, "2026-12-31T23:00:00Z").acumSemestre())
                .isCloseTo(sum(CANARY, "2026-06-30T23:00:00Z", 184 * 24 + 1), within(1e-3));
    }

    @Test
    void shouldGiveNullNotZeroWhenTheReferenceHasNoData() {
        assertThat(row(MADRID, GAP.plusSeconds(3600).toString()).diffLastHour()).isNull();
        assertThat(row(MADRID, "2027-06-16T10:00:00Z").diffLastDay()).isNull();
        // the first month of data has no year-old reference
        assertThat(row(MADRID, "2026-01-15T10:00:00Z").diffLastYear()).isNull();
        assertThat(row(MADRID, "2027-01-15T10:00:00Z").diffLastYear()).isNotNull();
        assertThat(rows.get(MADRID)).doesNotContainKey(GAP);
    }

    @Test
    void shouldGiveTheSameRowsWhenHoursRunOneByOneOnTopOfHistory() {
        HourRange tail = range("2028-01-01T00:00:00Z", "2028-04-02T00:00:00Z");
        InMemoryPanelHistory history =
                InMemoryPanelHistory.of(
                        PanelReports.build(
                                hours.stream().filter(h -> h.slot().isBefore(tail.from())).toList(),
                                ALL.from(),
                                PanelHistory.NONE),
                        tail.from());
        Map<Instant, List<PanelHour>> bySlot = new HashMap<>();
        hours.forEach(h -> bySlot.computeIfAbsent(h.slot(), k -> new ArrayList<>()).add(h));
        List<PanelReportRow> chained = new ArrayList<>();
        for (Instant slot : tail.slots()) {
            List<PanelReportRow> hourRows = PanelReports.build(bySlot.get(slot), slot, history);
            for (PanelReportRow r : hourRows) {
                String key = PanelReports.key(r.panelId(), r.enrichment().clientId());
                history.putGeneration(key, r.timestamp(), r.powerGen());
                history.putLast(
                        key, InMemoryPanelHistory.of(List.of(r), slot.plusSeconds(3600)).last(key));
            }
            chained.addAll(hourRows);
        }
        assertThat(chained).hasSize(2 * tail.hours());
        for (PanelReportRow r : chained) {
            // Same additions in the same order: the totals are identical, not just close.
            assertThat(r).isEqualTo(rows.get(r.panelId()).get(r.timestamp()));
        }
    }

    private static PanelReportRow row(String panel, String slot) {
        return rows.get(panel).get(Instant.parse(slot));
    }

    private static double sum(String panel, String first, int slots) {
        double total = 0;
        for (int i = 0; i < slots; i++) {
            total += wh(panel, Instant.parse(first).plusSeconds(3600L * i));
        }
        return total;
    }

    private static HourRange range(String from, String to) {
        return new HourRange(Instant.parse(from), Instant.parse(to));
    }

    private static Map<String, Map<Instant, PanelReportRow>> index(List<PanelReportRow> list) {
        Map<String, Map<Instant, PanelReportRow>> m = new HashMap<>();
        list.forEach(
                r -> m.computeIfAbsent(r.panelId(), k -> new HashMap<>()).put(r.timestamp(), r));
        return m;
    }
}
