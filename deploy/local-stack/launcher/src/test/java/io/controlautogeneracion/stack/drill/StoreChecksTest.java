package io.controlautogeneracion.stack.drill;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drill's bookkeeping: phases by time, lost and duplicated counts, landed files read. */
class StoreChecksTest {
    @TempDir Path landing;

    @Test
    void shouldChargeEachMessageToThePhaseItWasSentIn() {
        Phases phases = new Phases(1_000);
        phases.begin("ingest", 5_000);
        phases.begin("kafka", 9_000);

        assertThat(phases.of(500)).isZero(); // before the drill: its first phase
        assertThat(phases.of(4_999)).isZero();
        assertThat(phases.of(5_000)).isEqualTo(1);
        assertThat(phases.of(12_000)).isEqualTo(2);
        assertThat(phases.name(2)).isEqualTo("kafka");
    }

    @Test
    void shouldCountWhatIsMissingAsLostAndWhatIsThereTooOftenAsDuplicated() {
        Tally tally = new Tally("store", 2);
        tally.count(0, 1, 1);
        tally.count(0, 1, 0);
        tally.count(1, 3, 5);
        tally.count(1, 0, 1);

        assertThat(tally.lost(0)).isEqualTo(1);
        assertThat(tally.duplicated(0)).isZero();
        assertThat(tally.duplicated(1)).isEqualTo(3);
        assertThat(tally.totalChecked()).isEqualTo(5);
    }

    @Test
    void shouldReadTheDrillReadingsOfCommittedLandingFilesOnly() throws Exception {
        Path hour = Files.createDirectories(landing.resolve("panel/dt=2026-12-04/hour=22"));
        Files.writeString(
                hour.resolve("part-a-0.json"),
                """
                {"panel_id":"DRILL-P-001","timestamp":1796422000000,"power_w":1}
                {"panel_id":"P-00001","timestamp":1796422000000,"power_w":1}
                {"panel_id":"DRILL-P-001","timestamp":1796422000000,"power_w":1}
                {"panel_id":"DRILL-P-003","timestamp":"2026-12-04T22:06:40.123Z","power_w":1}
                {"panel_id":"DRILL-P-003","timestamp":"2026-12-04T23:06:40.123+01:00","power_w":1}
                """);
        Files.writeString(
                hour.resolve(".part-b-0.inprogress.1234"),
                "{\"panel_id\":\"DRILL-P-002\",\"timestamp\":1796422000001,\"power_w\":1}\n");

        var landed =
                StoreChecks.landed(
                        landing,
                        Instant.parse("2026-12-04T22:10:00Z"),
                        Instant.parse("2026-12-04T22:50:00Z"));

        assertThat(landed)
                .containsOnly(
                        java.util.Map.entry("panel|DRILL-P-001|1796422000000", 2),
                        // as the device sent it: ISO-8601, with any offset
                        java.util.Map.entry("panel|DRILL-P-003|1796422000123", 2));
    }
}
