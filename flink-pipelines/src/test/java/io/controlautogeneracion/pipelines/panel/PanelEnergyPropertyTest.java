package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.pipelines.batch.CatalogTimeline;
import io.controlautogeneracion.pipelines.batch.MemoryCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For random reading schedules over a synthetic day (random phases and intervals, gaps of minutes
 * to hours, duplicates, out-of-order arrival), the hours' energies add up to the counter difference
 * between the first and the last reading, and each hour computed from its own readings plus its
 * nearest neighbours (what a run of that hour alone reads) equals the hour computed from the whole
 * day.
 */
class PanelEnergyPropertyTest {
    private static final long MIN = 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final long DAY = Instant.parse("2026-03-20T00:00:00Z").toEpochMilli();
    private static final PanelEnergy ENERGY =
            new PanelEnergy(PanelEnergy.DEFAULT_MAX_GAP_MS, GapWeight.CLEAR_SKY);
    private static final CatalogTimeline SEVILLE =
            PanelEnergyTest.ownedBy(
                    MemoryCatalog.client("C-1", "Europe/Madrid", 37.4, -6.0), 1_000_000);

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 610, 987, 1597})
    void shouldAddUpToTheCounterAndNotDependOnTheRestOfTheDay(long seed) {
        Random random = new Random(seed);
        List<double[]> readings = schedule(random);
        PanelSamples arrived = new PanelSamples();
        List<double[]> shuffled = new ArrayList<>(readings);
        // Some readings arrive twice, and in any order.
        for (double[] r : readings) {
            if (random.nextInt(10) == 0) {
                shuffled.add(r);
            }
        }
        Collections.shuffle(shuffled, random);
        for (double[] r : shuffled) {
            arrived.add((long) r[0], r[1], r[2]);
        }
        PanelSamples series = arrived.sortedDistinct();
        long from = DAY - 2 * HOUR;
        long to = DAY + 32 * HOUR;
        List<PanelHour> whole = ENERGY.hours("P-1", series, from, to, SEVILLE);

        double first = readings.get(0)[2];
        double last = readings.get(readings.size() - 1)[2];
        assertThat(whole.stream().mapToDouble(PanelHour::energyWh).sum())
                .isCloseTo(last - first, within(1e-6));
        assertThat(whole.stream().mapToInt(h -> h.quality().samples()).sum())
                .isEqualTo(readings.size());

        Map<Instant, PanelHour> bySlot = new HashMap<>();
        whole.forEach(h -> bySlot.put(h.slot(), h));
        for (long h = from; h < to; h += HOUR) {
            List<PanelHour> alone =
                    ENERGY.hours("P-1", withNeighbours(series, h), h, h + HOUR, SEVILLE);
            PanelHour expected = bySlot.get(Instant.ofEpochMilli(h));
            if (expected == null) {
                assertThat(alone).isEmpty();
                continue;
            }
            assertThat(alone).hasSize(1);
            PanelHour got = alone.get(0);
            assertThat(got.energyWh()).isCloseTo(expected.energyWh(), within(1e-9));
            assertThat(got.quality().samples()).isEqualTo(expected.quality().samples());
            assertThat(got.quality().coverage())
                    .isCloseTo(expected.quality().coverage(), within(1e-12));
            assertThat(got.quality().gapFilledWh())
                    .isCloseTo(expected.quality().gapFilledWh(), within(1e-9));
        }
    }

    /**
     * Readings of a day (plus a little either side): intervals from 10 s to 20 min, now and then a
     * gap of up to 5 h; power along a daylight bell, counter rising by what was made (and a little
     * noise upwards only, so no glitch).
     */
    private static List<double[]> schedule(Random random) {
        List<double[]> out = new ArrayList<>();
        long t = DAY - HOUR + (long) (random.nextDouble() * HOUR);
        double counter = 10_000 + random.nextInt(1000);
        while (t < DAY + 25 * HOUR) {
            double hourOfDay = (t - DAY) / (double) HOUR;
            double power = Math.max(0, 800 * Math.sin(Math.PI * (hourOfDay - 6) / 12));
            out.add(new double[] {t, power, Math.round(counter * 10) / 10.0});
            long step =
                    random.nextInt(12) == 0
                            ? (long) (random.nextDouble() * 5 * HOUR)
                            : 10_000 + (long) (random.nextDouble() * 20 * MIN);
            counter += power * step / HOUR + random.nextDouble();
            t += step;
        }
        return out;
    }

    /** The readings a run of hour {@code h} sees: its own and the nearest one on either side. */
    private static PanelSamples withNeighbours(PanelSamples s, long h) {
        PanelSamples out = new PanelSamples();
        int before = -1;
        int after = -1;
        for (int i = 0; i < s.size(); i++) {
            long t = s.time(i);
            if (t < h) {
                before = i;
            } else if (t < h + HOUR) {
                out.add(t, s.power(i), s.counter(i));
            } else if (after < 0) {
                after = i;
            }
        }
        if (before >= 0) {
            out.add(s.time(before), s.power(before), s.counter(before));
        }
        if (after >= 0) {
            out.add(s.time(after), s.power(after), s.counter(after));
        }
        return out.sortedDistinct();
    }
}
