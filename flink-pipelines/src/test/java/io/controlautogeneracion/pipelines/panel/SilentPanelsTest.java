package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.druid.PanelQuality;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.batch.HourRange;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SilentPanelsTest {
    private static final Instant H0 = Instant.parse("2026-06-10T08:00:00Z");
    private static final Duration DAY = Duration.ofHours(24);

    private static PanelHour reported(String panel, int hour) {
        return new PanelHour(
                panel,
                H0.plusSeconds(3600L * hour),
                100,
                PanelQuality.complete(60),
                CatalogFacts.UNKNOWN);
    }

    private static Set<Instant> landed(int... hours) {
        Set<Instant> slots = new HashSet<>();
        for (int h : hours) {
            slots.add(H0.plusSeconds(3600L * h));
        }
        return slots;
    }

    private static Map.Entry<String, Instant> silent(String panel, int hour) {
        return Map.entry(panel, H0.plusSeconds(3600L * hour));
    }

    @Test
    void shouldExpectEveryPanelSeenWithinTheLookbackInEachHourItSentNothing() {
        Map<String, Instant> lastBefore =
                Map.of(
                        "P-1", H0.minusSeconds(2 * 3600),
                        "P-GONE", H0.minus(DAY).minusSeconds(3600));
        List<PanelHour> hours = List.of(reported("P-1", 0), reported("P-2", 1));

        assertThat(
                        SilentPanels.hours(
                                lastBefore,
                                hours,
                                new HourRange(H0, H0.plusSeconds(3 * 3600)),
                                landed(0, 1, 2),
                                DAY))
                .containsExactly(silent("P-1", 1), silent("P-1", 2), silent("P-2", 2));
    }

    @Test
    void shouldStopExpectingAPanelOneLookbackAfterItsLastReport() {
        Map<String, Instant> lastBefore = Map.of("P-1", H0.minusSeconds(3600));
        HourRange day = new HourRange(H0, H0.plus(DAY).plus(DAY));

        List<Map.Entry<String, Instant>> silent =
                SilentPanels.hours(lastBefore, List.of(), day, Set.copyOf(day.slots()), DAY);

        // Seen at 07:00: expected from 08:00 to 07:00 the next day, 24 hours; none after.
        assertThat(silent).hasSize(24);
        assertThat(silent.get(23)).isEqualTo(silent("P-1", 23));
    }

    @Test
    void shouldJudgeNobodyInAnHourWithoutAClosedPartition() {
        Map<String, Instant> lastBefore = Map.of("P-1", H0.minusSeconds(3600));
        // Hour 1 has no closed partition (not closed yet, or nothing landed): a gap, not a silent
        // fleet. Hour 2's partition is closed and empty: everybody in it was silent.
        List<PanelHour> hours = List.of(reported("P-2", 0));

        assertThat(
                        SilentPanels.hours(
                                lastBefore,
                                hours,
                                new HourRange(H0, H0.plusSeconds(3 * 3600)),
                                landed(0, 2),
                                DAY))
                .containsExactly(silent("P-1", 0), silent("P-1", 2), silent("P-2", 2));
    }
}
