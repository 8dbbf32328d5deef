package io.controlautogeneracion.pipelines.panel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.pipelines.batch.HourFiles;
import io.controlautogeneracion.pipelines.batch.HourRange;
import io.controlautogeneracion.pipelines.batch.LandingFiles;
import io.controlautogeneracion.pipelines.batch.MemoryCatalog;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** RichPanel in BATCH mode at parallelism 2 over landed files: energy, quality and enrichment. */
class PanelHourJobTest {
    @RegisterExtension
    static final MiniClusterExtension FLINK =
            new MiniClusterExtension(
                    new MiniClusterResourceConfiguration.Builder()
                            .setNumberTaskManagers(1)
                            .setNumberSlotsPerTaskManager(2)
                            .build());

    private static final Instant H = Instant.parse("2026-06-01T10:00:00Z");

    @Test
    void shouldTurnClosedHourPartitionsIntoEnrichedPanelHours(@TempDir Path dir) throws Exception {
        LandingFiles files = new LandingFiles(dir);
        for (int m = 0; m < 60; m++) {
            Instant t = H.plusSeconds(60L * m);
            files.panel("P-1", t, 600, null);
            files.panel("P-2", t, 0, 1000.0 + 10 * m);
            files.panel("P-2", t, 0, 1000.0 + 10 * m); // redelivered
            files.panel("P-X", t.plusSeconds(3600), 120, null);
        }
        files.line("panel", H, "{\"panel_id\":\"P-1\",\"timestamp\":\"broken");
        // A reading of the next hour that was not closed yet is left out.
        files.panel("P-1", H.plusSeconds(7200), 999, null);
        files.close("panel", H).close("panel", H.plusSeconds(3600));

        Client ana = MemoryCatalog.client("C-1", "Europe/Madrid", 40.4, -3.7);
        MemoryCatalog catalog = new MemoryCatalog().panel("P-1", ana, 400).panel("P-2", ana, 400);
        HourRange range = new HourRange(H, H.plusSeconds(3 * 3600));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setRuntimeMode(RuntimeExecutionMode.BATCH);
        env.setParallelism(2);

        List<PanelHour> hours =
                new PanelHourJob(
                                HourFiles.source(dir, "panel", range, false).orElseThrow(),
                                catalog,
                                Duration.ofMinutes(15),
                                Duration.ofSeconds(10),
                                10)
                        .run(env);

        Map<String, PanelHour> byPanel =
                hours.stream().collect(Collectors.toMap(h -> h.panelId() + "@" + h.slot(), h -> h));
        assertThat(byPanel).hasSize(3);
        PanelHour p1 = byPanel.get("P-1@" + H);
        assertThat(p1.energyWh()).isCloseTo(600, within(1e-9));
        assertThat(p1.samples()).isEqualTo(60);
        assertThat(p1.coverage()).isEqualTo(1.0);
        assertThat(p1.facts().clientId()).isEqualTo("C-1");
        assertThat(p1.facts().timezone()).isEqualTo("Europe/Madrid");
        PanelHour p2 = byPanel.get("P-2@" + H);
        assertThat(p2.energyWh()).isCloseTo(590, within(1e-9));
        assertThat(p2.samples()).isEqualTo(60);
        PanelHour unknown = byPanel.get("P-X@" + H.plusSeconds(3600));
        assertThat(unknown.energyWh()).isCloseTo(120, within(1e-9));
        assertThat(unknown.facts().known()).isFalse();
        assertThat(unknown.facts().columns().clientId()).isNull();
    }
}
