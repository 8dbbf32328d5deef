package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void shouldReadDurationsWithTheirUnits() {
        assertThat(SimulatorArguments.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SimulatorArguments.duration("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SimulatorArguments.duration("PT2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldRefuseAnEmptyOrUnitlessDurationWithAReason() {
        assertThatThrownBy(() -> SimulatorArguments.duration(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a duration: ''");
        assertThatThrownBy(() -> SimulatorArguments.duration("12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12");
    }

    @Test
    void shouldKeepTheDefaultPeriodsOfTheKindsNotGiven() {
        SimulatorOptions options =
                SimulatorArguments.parse(
                        "--dry-run", "--period", "wind=2s", "--backfill-period", "panel=10m");

        assertThat(options.period())
                .containsEntry(DeviceKind.PANEL, Duration.ofMinutes(1))
                .containsEntry(DeviceKind.LIGHT, Duration.ofMinutes(1))
                .containsEntry(DeviceKind.WIND, Duration.ofSeconds(2));
        assertThat(options.backfillPeriod())
                .containsEntry(DeviceKind.PANEL, Duration.ofMinutes(10))
                .containsEntry(DeviceKind.WIND, Duration.ofSeconds(2));
    }

    @Test
    void shouldTakeTheLastOfRepeatedOptionsAndOfDryRunAndOut() {
        assertThat(SimulatorArguments.parse("--dry-run", "--seed", "1", "--seed=7").seed())
                .isEqualTo(7);
        assertThat(SimulatorArguments.parse("--dry-run", "--out", "day.jsonl").out())
                .isEqualTo(Path.of("day.jsonl"));
        assertThat(SimulatorArguments.parse("--out", "day.jsonl", "--dry-run").out())
                .isEqualTo(Path.of("-"));
    }

    @Test
    void shouldNameTheOptionOfAValueItCannotRead() {
        assertThatThrownBy(() -> SimulatorArguments.parse("--dry-run", "--devices", "many"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--devices")
                .hasMessageContaining("'many'");
        assertThatThrownBy(() -> SimulatorArguments.parse("--dry-run", "--fault-after", "12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--fault-after")
                .hasMessageContaining("no unit in 12");
        assertThatThrownBy(() -> SimulatorArguments.parse("--bootstrap", "k:9092", "--dry-run"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("give either --bootstrap or --dry-run/--out");
    }

    @Test
    void shouldListEveryOptionWithItsDefaultInTheUsage() {
        String usage = SimulatorArguments.commandLine().getUsageMessage().replaceAll("\\s+", " ");

        assertThat(usage)
                .startsWith("usage: simulator (--bootstrap HOST:PORT | --dry-run | --out FILE)")
                .contains("--seed=N randomness seed (default 42)")
                .contains(
                        "--period=K=D,… reading period per kind (default"
                                + " panel=1m,light=1m,wind=1s)")
                .contains("--offline-for=D and stay offline for D (default 2h)")
                .contains("--producer-config=FILE Kafka producer settings")
                .endsWith("durations: 500ms, 30s, 5m, 2h, 1d or ISO-8601 (PT1M) ");
    }

    @Test
    void shouldRefuseAPeriodThatIsNotPositive() {
        assertThatThrownBy(
                        () ->
                                SimulatorArguments.parse(
                                        new String[] {"--dry-run", "--period", "wind=0s"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--period WIND=PT0S: a period must be positive");
    }

    @Test
    void shouldTakeNoOfflineDevicesByDefault() {
        SimulatorOptions options = SimulatorArguments.parse("--dry-run");

        assertThat(options.offline()).isEmpty();
        assertThat(options.offlineAfter()).isEqualTo(Duration.ofHours(12));
        assertThat(options.offlineFor()).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldAcceptOfflinePanelsAndLightSensorsOfTheFleet() {
        SimulatorOptions options =
                SimulatorArguments.parse(
                        "--dry-run",
                        "--offline",
                        "P-00026, L-0002,P-00026",
                        "--offline-after",
                        "30m",
                        "--offline-for",
                        "PT3H");
        options.checkOffline(SimRuns.FLEET);

        assertThat(options.offline()).containsExactly("P-00026", "L-0002");
        assertThat(options.offlineAfter()).isEqualTo(Duration.ofMinutes(30));
        assertThat(options.offlineFor()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void shouldRefuseAnOfflineDeviceNotInTheFleet() {
        SimulatorOptions options =
                SimulatorArguments.parse("--dry-run", "--offline", "P-00026,P-99999");

        assertThatThrownBy(() -> options.checkOffline(SimRuns.FLEET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "--offline P-99999: no such panel or light sensor in the fleet");
        // The simulator itself refuses it too.
        assertThatThrownBy(
                        () ->
                                new Simulator(
                                        options,
                                        SimRuns.only("P-00026"),
                                        new JsonLinesSink(new StringWriter()),
                                        Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("P-99999");
    }

    @Test
    void shouldRefuseAnOfflineAnemometerWithTheReason() {
        SimulatorOptions options =
                SimulatorArguments.parse("--dry-run", "--offline", "L-0002,W-0005");

        assertThatThrownBy(() -> options.checkOffline(SimRuns.FLEET))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--offline W-0005: an anemometer")
                .hasMessageContaining("only panels and light sensors");
    }

    @Test
    void shouldRefuseAnOutageThatDoesNotLast() {
        for (String length : List.of("0s", "-1h")) {
            assertThatThrownBy(
                            () ->
                                    SimulatorArguments.parse(
                                            "--dry-run",
                                            "--offline",
                                            "P-00026",
                                            "--offline-for",
                                            length))
                    .as(length)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("--offline-for must be positive");
        }
        assertThatThrownBy(() -> SimulatorArguments.parse("--dry-run", "--offline-after", "-2h"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--offline-after must not be negative");
    }
}
