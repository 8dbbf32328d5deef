package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.pipelines.batch.HourLedger;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.LandedLines;
import io.controlautogeneracion.pipelines.batch.LandingFiles;
import io.controlautogeneracion.pipelines.batch.MemoryCatalog;
import io.controlautogeneracion.pipelines.batch.Partition;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A counter gap whose ends lie beyond the hours next to a run: a panel offline from 9:55 to 14:05
 * (June, Madrid). Each hour of the gap gets the same share whatever range computes it: found by
 * walking the kept edges from a reading the run saw, or, for a run of an hour where the panel sent
 * nothing at all, from the gap the ledger kept.
 */
class FarGapsTest {
    private static final Instant NINE = Instant.parse("2026-06-01T09:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Instant BEFORE = NINE.plusSeconds(55 * 60);
    private static final Instant AFTER = NINE.plus(HOUR.multipliedBy(5)).plusSeconds(5 * 60);

    @TempDir Path dir;
    private LandingFiles files;
    private EdgeStore edges;
    private final PanelEnergy energy =
            new PanelEnergy(PanelEnergy.DEFAULT_MAX_GAP_MS, GapWeight.CLEAR_SKY);
    private final MemoryCatalog catalog =
            new MemoryCatalog()
                    .panel("P-1", MemoryCatalog.client("C-1", "Europe/Madrid", 40.4, -3.7), 2000);

    @BeforeEach
    void land() {
        files = new LandingFiles(dir.resolve("landing"));
        edges = new EdgeStore(dir.resolve("state"), "panel", new LandedLines(Clock.systemUTC()));
        files.panel("P-1", BEFORE.minusSeconds(300), 900, 10_000.0);
        files.panel("P-1", BEFORE, 900, 10_075.0);
        // 4 h 10 min offline: the counter says 2 500 Wh were made meanwhile.
        files.panel("P-1", AFTER, 700, 12_575.0);
        files.panel("P-1", AFTER.plusSeconds(300), 700, 12_633.3);
        for (Instant h : List.of(NINE, NINE.plus(HOUR.multipliedBy(5)))) {
            files.close("panel", h);
            edges.edges(Partition.of(files.base(), "panel", h).orElseThrow());
        }
    }

    private FarGaps gaps() {
        return new FarGaps(
                files.base(),
                "panel",
                edges,
                Duration.ofHours(48),
                energy,
                catalog,
                Duration.ofSeconds(10));
    }

    /** The gap's share of each hour, computed from its two readings over the whole gap. */
    private double share(Instant hour) throws Exception {
        PanelSamples s = new PanelSamples();
        s.add(BEFORE.toEpochMilli(), 900, 10_075.0);
        s.add(AFTER.toEpochMilli(), 700, 12_575.0);
        List<PanelHour> all =
                energy.hours(
                        "P-1",
                        s,
                        NINE.toEpochMilli(),
                        NINE.plus(HOUR.multipliedBy(6)).toEpochMilli(),
                        catalog.timeline(
                                        io.controlautogeneracion.model.reading.DeviceKind.PANEL,
                                        "P-1")
                                .get());
        return all.stream()
                .filter(h -> h.slot().equals(hour))
                .mapToDouble(PanelHour::energyWh)
                .sum();
    }

    @Test
    void shouldGiveAnHourInsideTheGapItsShareFromTheGapTheLedgerKept() throws Exception {
        Instant eleven = NINE.plus(HOUR.multipliedBy(2));
        HourLedger.Gap kept = new HourLedger.Gap("P-1", BEFORE, AFTER);

        // The run of 11:00 alone saw no reading of P-1 at all.
        FarGaps.Result r = gaps().complete(HourRange.hour(eleven), List.of(), List.of(kept));

        assertThat(r.hours()).hasSize(1);
        PanelHour h = r.hours().get(0);
        assertThat(h.energyWh()).isCloseTo(share(eleven), within(1e-9));
        assertThat(h.energyWh()).isPositive();
        assertThat(h.quality().gapFilledWh()).isEqualTo(h.energyWh());
        assertThat(h.quality().samples()).isZero();
        assertThat(h.owner()).isEqualTo("C-1");
        assertThat(r.gaps()).isEmpty();
    }

    @Test
    void shouldFindTheGapFromAReadingOfTheHourBeforeTheRunByWalkingForward() throws Exception {
        Instant ten = NINE.plus(HOUR);
        EdgeReading last = new EdgeReading(BEFORE.toEpochMilli(), 900, 10_075.0, 10_075.0);
        // The run of 10:00 saw P-1's last reading in 9:00's edges, and nothing after it.
        PanelSpan span = new PanelSpan("P-1", new PanelHour[0], new EdgeReading[0], null, last);

        FarGaps.Result r = gaps().complete(HourRange.hour(ten), List.of(span), List.of());

        assertThat(r.hours()).singleElement();
        assertThat(r.hours().get(0).energyWh()).isCloseTo(share(ten), within(1e-9));
        assertThat(r.gaps()).containsExactly(new HourLedger.Gap("P-1", BEFORE, AFTER));
    }

    @Test
    void shouldGiveEveryHourTheSameShareWhateverRangeComputesIt() throws Exception {
        double alone = 0;
        HourLedger.Gap kept = new HourLedger.Gap("P-1", BEFORE, AFTER);
        for (int h = 1; h <= 4; h++) {
            Instant hour = NINE.plus(HOUR.multipliedBy(h));
            FarGaps.Result r = gaps().complete(HourRange.hour(hour), List.of(), List.of(kept));
            alone += r.hours().stream().mapToDouble(PanelHour::energyWh).sum();
        }
        // 9:55–10:00 and 14:00–14:05 belong to the hours of the readings: the four hours in
        // between hold the rest of the 2 500 Wh.
        assertThat(alone)
                .isCloseTo(
                        2500 - share(NINE) - share(NINE.plus(HOUR.multipliedBy(5))), within(1e-6));
    }
}
