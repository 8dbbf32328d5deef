package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.batch.CatalogTimeline;
import io.controlautogeneracion.pipelines.batch.MemoryCatalog;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hourly energy against hand-worked figures: hour bounds, counters, glitches, resets, gaps and an
 * owner change. Times are minutes from 10:00 UTC unless said otherwise.
 */
class PanelEnergyTest {
    private static final Instant H = Instant.parse("2026-06-01T10:00:00Z");
    private static final long H_MS = H.toEpochMilli();
    private static final long MIN = 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final Client ANA = MemoryCatalog.client("C-1", "Europe/Madrid", 40.4, -3.7);
    private static final Client BEA = MemoryCatalog.client("C-2", "Europe/Madrid", 40.4, -3.7);
    private static final PanelEnergy ENERGY =
            new PanelEnergy(PanelEnergy.DEFAULT_MAX_GAP_MS, GapWeight.CLEAR_SKY);

    static CatalogTimeline ownedBy(Client client, double powerCap) {
        ClientRelHistory rels =
                MemoryCatalog.ownedSince(DeviceKind.PANEL, "P-1", client.clientId(), Instant.EPOCH);
        return CatalogTimeline.of(
                DeviceKind.PANEL,
                "P-1",
                rels,
                Map.of(client.clientId(), client),
                MemoryCatalog.panelDocument("P-1", powerCap),
                null);
    }

    private static List<PanelHour> hourAt10(PanelSamples s, CatalogTimeline timeline) {
        return ENERGY.hours("P-1", s.sortedDistinct(), H_MS, H_MS + HOUR, timeline);
    }

    private static PanelHour only(List<PanelHour> hours) {
        assertThat(hours).hasSize(1);
        return hours.get(0);
    }

    /** Readings every {@code step} minutes from {@code first} (minutes from 10:00), 1200 W. */
    private static PanelSamples steady(int first, int step, boolean counter) {
        PanelSamples s = new PanelSamples();
        for (int m = first; m < 60 + 2 * step; m += step) {
            // 1200 W is 20 Wh a minute; the counter read 50 000 Wh at 10:00.
            s.add(H_MS + m * MIN, 1200, counter ? 50_000.0 + 20 * m : null);
        }
        return s;
    }

    @Test
    void shouldGiveTheSameEnergyWhateverThePhaseOfTenMinuteReadings() {
        for (boolean counter : new boolean[] {true, false}) {
            // :05, :15 … :55 with the neighbours at 9:55 and 11:05; and :00, :10 … :50.
            PanelHour shifted = only(hourAt10(steady(-5, 10, counter), ownedBy(ANA, 2000)));
            PanelHour aligned = only(hourAt10(steady(0, 10, counter), ownedBy(ANA, 2000)));
            assertThat(shifted.energyWh()).isCloseTo(1200, within(1e-9));
            assertThat(aligned.energyWh()).isCloseTo(1200, within(1e-9));
            assertThat(shifted.quality().samples()).isEqualTo(6);
            assertThat(aligned.quality().samples()).isEqualTo(6);
            assertThat(shifted.quality().coverage()).isEqualTo(1.0);
            assertThat(shifted.quality().gapFilledWh()).isZero();
        }
    }

    @Test
    void shouldSplitTheIntervalsAcrossTheHourBoundsWithAThirtySecondPhase() {
        // One reading a minute at hh:mm:30; power ramps 600 → 1800 W over 9:59:30 … 11:00:30,
        // 20 W a minute, so the energy of [10:00, 11:00) is the mean of the ramp at 10:00
        // (610 W) and 11:00 (1810 W), times one hour: 1210 Wh.
        PanelSamples s = new PanelSamples();
        double counter = 10_000;
        double previous = Double.NaN;
        for (int m = -1; m <= 60; m++) {
            double w = 600 + 20 * (m + 1);
            if (!Double.isNaN(previous)) {
                counter += (previous + w) / 2 / 60;
            }
            s.add(H_MS + m * MIN + 30_000, w, counter);
            previous = w;
        }
        PanelHour withCounter = only(hourAt10(s, ownedBy(ANA, 2000)));
        assertThat(withCounter.energyWh()).isCloseTo(1210, within(1e-6));
        assertThat(withCounter.quality().samples()).isEqualTo(60);

        PanelSamples powerOnly = new PanelSamples();
        for (int i = 0; i < s.size(); i++) {
            powerOnly.add(s.time(i), s.power(i), null);
        }
        assertThat(only(hourAt10(powerOnly, ownedBy(ANA, 2000))).energyWh())
                .isCloseTo(1210, within(1e-6));
    }

    @Test
    void shouldTakeACounterThatStepsBackATenthForJitterNotAReset() {
        PanelSamples s = new PanelSamples();
        s.add(H_MS, 1200, 50_270.0);
        s.add(H_MS + MIN, 1200, 50_290.0);
        s.add(H_MS + 2 * MIN, 1200, 50_289.9); // a stale, rounded re-send
        s.add(H_MS + 3 * MIN, 1200, 50_330.0);
        PanelHour h = only(hourAt10(s, ownedBy(ANA, 1500)));
        // 20 Wh, then 40 Wh over the two minutes from the highest value (50 290 at 10:01): the
        // stale reading says nothing.
        assertThat(h.energyWh()).isCloseTo(60, within(1e-9));
        assertThat(h.quality().counterGlitches()).isEqualTo(1);
        assertThat(h.quality().counterResets()).isZero();
    }

    @Test
    void shouldNotTakeTheTimeAroundAStaleReadingForAGap() {
        // Every 10 minutes, 1200 W (200 Wh each); the 10:20 reading re-sends an old value.
        PanelSamples s = new PanelSamples();
        for (int m = -10; m <= 70; m += 10) {
            s.add(H_MS + m * MIN, 1200, m == 20 ? 50_100.0 : 50_000.0 + 20 * m);
        }
        PanelHour h = only(hourAt10(s, ownedBy(ANA, 2000)));
        assertThat(h.energyWh()).isCloseTo(1200, within(1e-9));
        assertThat(h.quality().counterGlitches()).isEqualTo(1);
        assertThat(h.quality().gapFilledWh()).isZero();
        assertThat(h.quality().coverage()).isEqualTo(1.0);
    }

    @Test
    void shouldCountWhatARestartedCounterShowsAfterAGenuineReset() {
        PanelSamples s = new PanelSamples();
        s.add(H_MS, 300, 50_290.0);
        s.add(H_MS + MIN, 300, 50_295.0);
        s.add(H_MS + 2 * MIN, 300, 4.5); // restarted: 4.5 Wh made since, under the 7.5 Wh bound
        s.add(H_MS + 3 * MIN, 300, 9.5);
        PanelHour h = only(hourAt10(s, ownedBy(ANA, 300)));
        assertThat(h.energyWh()).isCloseTo(5 + 4.5 + 5, within(1e-9));
        assertThat(h.quality().counterResets()).isEqualTo(1);
        assertThat(h.quality().counterGlitches()).isZero();
    }

    @Test
    void shouldClampAnImpossibleJumpToWhatThePanelCouldHaveMade() {
        PanelSamples s = new PanelSamples();
        s.add(H_MS, 300, 50_000.0);
        s.add(H_MS + MIN, 300, 3_900_000.0); // a second meter's series under the same id
        s.add(H_MS + 2 * MIN, 300, 3_900_005.0);
        PanelHour h = only(hourAt10(s, ownedBy(ANA, 400)));
        // 400 W × 1 min × 1.5 = 10 Wh at most for the jump, then 5 Wh.
        assertThat(h.energyWh()).isCloseTo(15, within(1e-9));
        assertThat(h.quality().counterGlitches()).isEqualTo(1);
    }

    @Test
    void shouldBoundInterleavedCountersOfTwoSeriesAndFlagEveryStep() {
        PanelSamples s = new PanelSamples();
        for (int m = 0; m < 60; m++) {
            double counter = m % 2 == 0 ? 50_000 + m : 3_886_000 + m;
            s.add(H_MS + m * MIN, 300, counter);
        }
        PanelHour h = only(hourAt10(s, ownedBy(ANA, 400)));
        // Every one of the 59 steps is a jump up (clamped) or a "reset" down (clamped): never
        // more than 1.5 × the panel's peak over the hour.
        assertThat(h.energyWh()).isLessThanOrEqualTo(400 * 1.5 + 1e-9);
        assertThat(h.quality().counterGlitches()).isEqualTo(59);
        assertThat(h.quality().counterResets()).isEqualTo(29);
    }

    @Test
    void shouldSpreadANightLongCounterGapOverDaylightHoursOnly() {
        // Madrid in June: last reading 20:30 local (18:30 UTC), next 08:30 local (06:30 UTC).
        long before = Instant.parse("2026-06-01T18:30:00Z").toEpochMilli();
        long after = Instant.parse("2026-06-02T06:30:00Z").toEpochMilli();
        PanelSamples s = new PanelSamples();
        s.add(before - 10 * MIN, 200, 49_990.0);
        s.add(before, 100, 50_000.0);
        s.add(after, 300, 50_600.0);
        s.add(after + 10 * MIN, 300, 50_650.0);
        long from = Instant.parse("2026-06-01T18:00:00Z").toEpochMilli();
        List<PanelHour> hours =
                ENERGY.hours("P-1", s.sortedDistinct(), from, from + 13 * HOUR, ownedBy(ANA, 400));

        double gapShare = 0;
        for (PanelHour h : hours) {
            gapShare += h.quality().gapFilledWh();
            int utcHour = h.slot().atZone(java.time.ZoneOffset.UTC).getHour();
            if (utcHour >= 21 || utcHour <= 3) {
                // The sun is down in Madrid from about 19:45 to 04:45 UTC.
                assertThat(h.energyWh()).as("%s", h.slot()).isZero();
            }
            if (h.quality().samples() == 0) {
                assertThat(h.quality().gapFilledWh()).isEqualTo(h.energyWh());
                assertThat(h.quality().coverage()).isZero();
            }
        }
        // The whole 600 Wh of the gap went to the hours, none of it to the dark ones.
        assertThat(gapShare).isCloseTo(600, within(1e-9));
        assertThat(hours.stream().mapToDouble(PanelHour::energyWh).sum())
                .isCloseTo(10 + 600 + 50, within(1e-9));
        assertThat(hours).noneMatch(h -> h.slot().equals(Instant.parse("2026-06-02T00:00:00Z")));
    }

    @Test
    void shouldNotIntegratePowerAcrossAGapWithoutCounters() {
        PanelSamples s = new PanelSamples();
        for (int m = 0; m <= 10; m++) {
            s.add(H_MS + m * MIN, 600, null);
        }
        for (int m = 40; m <= 60; m++) {
            s.add(H_MS + m * MIN, 600, null);
        }
        PanelHour h = only(hourAt10(s, ownedBy(ANA, 400)));
        // 10:00–10:10 and 10:40–11:00 are measured; the 30 minutes between are unknown.
        assertThat(h.energyWh()).isCloseTo(300, within(1e-9));
        assertThat(h.quality().coverage()).isCloseTo(0.5, within(1e-12));
        assertThat(h.quality().gapFilledWh()).isZero();
    }

    @Test
    void shouldGiveEachOwnerTheEnergyOfTheirPartOfTheHour() {
        Instant move = H.plusSeconds(30 * 60);
        ClientRelHistory rels =
                ClientRelHistory.empty(DeviceKind.PANEL, "P-1")
                        .with(ClientRel.of(DeviceKind.PANEL, "P-1", "C-1", Instant.EPOCH, move))
                        .with(ClientRel.of(DeviceKind.PANEL, "P-1", "C-2", move, null));
        CatalogTimeline timeline =
                CatalogTimeline.of(
                        DeviceKind.PANEL,
                        "P-1",
                        rels,
                        Map.of("C-1", ANA, "C-2", BEA),
                        MemoryCatalog.panelDocument("P-1", 2000),
                        null);
        // Every 10 minutes from 9:55, so the move falls inside the 10:25–10:35 interval.
        List<PanelHour> hours = hourAt10(steady(-5, 10, true), timeline);
        assertThat(hours).hasSize(2);
        PanelHour before = hours.get(0);
        PanelHour after = hours.get(1);
        assertThat(before.owner()).isEqualTo("C-1");
        assertThat(after.owner()).isEqualTo("C-2");
        assertThat(before.energyWh()).isCloseTo(600, within(1e-9));
        assertThat(after.energyWh()).isCloseTo(600, within(1e-9));
        assertThat(before.quality().samples()).isEqualTo(3);
        assertThat(after.quality().samples()).isEqualTo(3);
        assertThat(before.quality().coverage()).isCloseTo(0.5, within(1e-12));
        assertThat(after.facts().clientId()).isEqualTo("C-2");
    }

    @Test
    void shouldGiveTheHourBeforeAnInstallToNoOwner() {
        Instant installed = H.plusSeconds(30 * 60);
        ClientRelHistory rels = MemoryCatalog.ownedSince(DeviceKind.PANEL, "P-1", "C-1", installed);
        CatalogTimeline timeline =
                CatalogTimeline.of(
                        DeviceKind.PANEL,
                        "P-1",
                        rels,
                        Map.of("C-1", ANA),
                        MemoryCatalog.panelDocument("P-1", 2000),
                        null);
        List<PanelHour> hours = hourAt10(steady(0, 10, true), timeline);
        assertThat(hours).extracting(PanelHour::owner).containsExactly(null, "C-1");
        assertThat(hours.get(0).facts().model()).isEqualTo("PV-400");
        assertThat(hours.get(1).facts().timezone()).isEqualTo("Europe/Madrid");
        assertThat(hours.get(1).energyWh()).isCloseTo(600, within(1e-9));
    }

    @Test
    void shouldKeepAnUnknownPanelAndNeverClampWithoutAPowerCap() {
        PanelSamples s = new PanelSamples();
        s.add(H_MS, 300, 100.0);
        s.add(H_MS + MIN, 300, 200_100.0);
        PanelHour h = only(hourAt10(s, CatalogTimeline.constant(CatalogFacts.UNKNOWN)));
        assertThat(h.energyWh()).isCloseTo(200_000, within(1e-9));
        assertThat(h.facts().known()).isFalse();
        assertThat(h.quality().counterGlitches()).isZero();
    }
}
