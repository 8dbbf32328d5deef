package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.pipelines.batch.BatchCatalog;
import io.controlautogeneracion.pipelines.batch.CatalogTimeline;
import io.controlautogeneracion.pipelines.batch.HourJob;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.HourlyBatch;
import io.controlautogeneracion.pipelines.batch.LandedLines;
import io.controlautogeneracion.pipelines.batch.LandingFiles;
import io.controlautogeneracion.pipelines.batch.MemoryCatalog;
import io.controlautogeneracion.pipelines.batch.RunInputs;
import io.controlautogeneracion.pipelines.testing.FlinkTestCluster;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * RichPanel in BATCH mode at parallelism 2 over landed files: energy exact at the hour's bounds
 * with the neighbouring hours' readings, an owner change inside the hour, an unknown panel, a
 * damaged line, the edges kept of the hours read, and a catalog that cannot answer.
 */
class PanelHourJobTest {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Instant H = Instant.parse("2026-06-01T10:00:00Z");
    private static final Client ANA = MemoryCatalog.client("C-1", "Europe/Madrid", 40.4, -3.7);
    private static final Client BEA = MemoryCatalog.client("C-2", "Europe/Madrid", 40.4, -3.7);

    @Test
    void shouldTurnLandedReadingsIntoHoursPerOwnerWithTheirEdges(@TempDir Path dir)
            throws Exception {
        LandingFiles files = new LandingFiles(dir);
        // Every 10 minutes from 9:55 to 11:05, 1200 W: 20 Wh a minute on the counter.
        for (int m = -5; m <= 65; m += 10) {
            Instant t = H.plusSeconds(60L * m);
            double counter = 50_000 + 20 * m;
            files.panel("P-1", t, 1200, counter);
            files.panel("P-1", t, 1200, counter); // redelivered
            files.panel("P-MOVED", t, 1200, counter);
        }
        for (int m = 0; m < 60; m++) {
            files.panel("P-X", H.plusSeconds(60L * m), 120, null);
        }
        files.line("panel", H, "{\"panel_id\":\"P-1\",\"timestamp\":\"broken");
        Instant move = H.plusSeconds(30 * 60);
        MemoryCatalog catalog =
                new MemoryCatalog()
                        .panel("P-1", ANA, 2000)
                        .panel(
                                "P-MOVED",
                                2000,
                                ClientRelHistory.empty(DeviceKind.PANEL, "P-MOVED")
                                        .with(
                                                ClientRel.of(
                                                        DeviceKind.PANEL,
                                                        "P-MOVED",
                                                        "C-1",
                                                        Instant.EPOCH,
                                                        move))
                                        .with(
                                                ClientRel.of(
                                                        DeviceKind.PANEL,
                                                        "P-MOVED",
                                                        "C-2",
                                                        move,
                                                        null)),
                                ANA,
                                BEA);
        HourRange range = HourRange.hour(H);
        List<Path> all = new ArrayList<>();
        List<Long> full = new ArrayList<>();
        for (Instant slot : List.of(H.minusSeconds(3600), H, H.plusSeconds(3600))) {
            files.close("panel", slot);
            all.addAll(RunInputs.of(dir, "panel", HourRange.hour(slot), false).files());
            full.add(slot.toEpochMilli());
        }

        List<PanelSpan> spans = run(all, catalog, range, full);

        Map<String, PanelSpan> byPanel =
                spans.stream().collect(Collectors.toMap(PanelSpan::panelId, s -> s));
        assertThat(byPanel).containsOnlyKeys("P-1", "P-MOVED", "P-X");
        PanelHour p1 = only(byPanel.get("P-1"));
        assertThat(p1.energyWh()).isCloseTo(1200, within(1e-9));
        assertThat(p1.quality().samples()).isEqualTo(6);
        assertThat(p1.quality().coverage()).isEqualTo(1.0);
        assertThat(p1.owner()).isEqualTo("C-1");
        assertThat(p1.facts().timezone()).isEqualTo("Europe/Madrid");

        PanelHour[] moved = byPanel.get("P-MOVED").hours();
        assertThat(moved).extracting(PanelHour::owner).containsExactly("C-1", "C-2");
        assertThat(moved[0].energyWh()).isCloseTo(600, within(1e-9));
        assertThat(moved[1].energyWh()).isCloseTo(600, within(1e-9));

        PanelHour unknown = only(byPanel.get("P-X"));
        assertThat(unknown.energyWh()).isCloseTo(118, within(1e-9)); // 59 one-minute intervals
        assertThat(unknown.facts().known()).isFalse();
        assertThat(unknown.owner()).isNull();

        // The edges of each hour read in full: first and last reading of each panel.
        assertThat(byPanel.get("P-1").edges())
                .extracting(EdgeReading::time)
                .contains(
                        H.minusSeconds(300).toEpochMilli(),
                        H.plusSeconds(300).toEpochMilli(),
                        H.plusSeconds(55 * 60).toEpochMilli(),
                        H.plusSeconds(65 * 60).toEpochMilli());
        assertThat(byPanel.get("P-1").first()).isNull();
        assertThat(byPanel.get("P-1").last()).isNull();
    }

    @Test
    void shouldFailTheRunWhenTheCatalogCannotAnswer(@TempDir Path dir) {
        LandingFiles files = new LandingFiles(dir);
        files.panel("P-1", H, 100, 1.0).close("panel", H);
        BatchCatalog.Factory down = new Down();

        assertThatThrownBy(
                        () ->
                                run(
                                        RunInputs.of(dir, "panel", HourRange.hour(H), false)
                                                .files(),
                                        down,
                                        HourRange.hour(H),
                                        List.of(H.toEpochMilli())))
                .hasStackTraceContaining("the catalog could not say what PANEL P-1 is");
    }

    /** A catalog whose every lookup fails, as Couchbase does when it is down. */
    private static final class Down implements BatchCatalog, BatchCatalog.Factory {
        @Override
        public CompletableFuture<CatalogTimeline> timeline(DeviceKind kind, String deviceId) {
            return CompletableFuture.failedFuture(new IllegalStateException("couchbase is down"));
        }

        @Override
        public BatchCatalog open() {
            return this;
        }
    }

    private static PanelHour only(PanelSpan span) {
        assertThat(span.hours()).hasSize(1);
        return span.hours()[0];
    }

    private static List<PanelSpan> run(
            List<Path> files, BatchCatalog.Factory catalog, HourRange range, List<Long> full)
            throws Exception {
        // The batch's own environment (BATCH mode, object reuse), at parallelism 2.
        StreamExecutionEnvironment env = HourlyBatch.environment(2);
        return new HourJob<>(
                        List.of(RunInputs.source(files).orElseThrow()),
                        catalog,
                        new RichPanel(
                                range,
                                full,
                                new PanelEnergy(
                                        PanelEnergy.DEFAULT_MAX_GAP_MS, GapWeight.CLEAR_SKY)),
                        new LandedLines(Clock.systemUTC()),
                        Duration.ofSeconds(10),
                        10)
                .run(env);
    }

    static List<PanelHour> hours(List<PanelSpan> spans) {
        List<PanelHour> out = new ArrayList<>();
        spans.forEach(s -> out.addAll(Arrays.asList(s.hours())));
        return out;
    }
}
