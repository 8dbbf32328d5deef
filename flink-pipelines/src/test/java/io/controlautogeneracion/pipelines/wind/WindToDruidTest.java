package io.controlautogeneracion.pipelines.wind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.controlautogeneracion.pipelines.testing.CatalogFixtures;
import io.controlautogeneracion.pipelines.testing.FlinkTestCluster;
import io.controlautogeneracion.pipelines.testing.TestJobs;
import io.controlautogeneracion.pipelines.testing.WindScript;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.junit.WithLocalStack;
import io.controlautogeneracion.testing.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the local stack: readings produced to {@code sensor-wind} end as enriched {@code
 * wind_alarm} rows in Druid SQL (the real Kafka broker, Druid's Kafka supervisors from {@code
 * druid/supervisors/}, the Couchbase stand-in), and a job cancelled with output not yet committed
 * and restarted from its last checkpoint adds no duplicate row. The stack's Kafka requires
 * authentication here ({@code stack.kafka.security=sasl}, set by this module's build): the readings
 * come from the anemometers' user, the job runs as {@code wind-job} and each supervisor as its own
 * user, with the ACLs of {@code deploy/kafka/acls.txt}.
 */
@WithLocalStack({Engine.KAFKA, Engine.DRUID, Engine.COUCHBASE})
class WindToDruidTest {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final Duration DRUID = Duration.ofMinutes(3);
    private static final String ALARMS =
            "SELECT wind_id, \"level\", client_id, name, postal_code, episode_start, episode_end,"
                    + " enrichment_status, __time AS t FROM wind_alarm"
                    + " WHERE wind_id IN ('IT-MOVE', 'IT-404')";

    @Test
    void shouldLandEnrichedAlarmsInDruidOnceAcrossARestartFromACheckpoint(
            RunningStack stack, @TempDir Path checkpoints) throws Exception {
        WindScript script =
                new WindScript(Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(600));
        seedCatalog(stack, script);
        // The local stack has pinned transaction.version=1 already (kafka.transaction.version).
        Map<String, Object> anemometers = stack.kafkaClient("device-sensor-wind");

        JobClient first = start(stack, checkpoints);
        KafkaTestBroker.produce(anemometers, "sensor-wind", phase(script, 0, 30).messages());
        awaitAlarms(stack, 4);

        // The owner changed at second 40: this episode is C-B's. Cancel as soon as its row is
        // written, most likely before the checkpoint that commits it.
        try (KafkaConsumer<String, String> written =
                KafkaTestBroker.uncommittedReader(stack.kafkaClient("admin"), "wind_alarm")) {
            KafkaTestBroker.produce(anemometers, "sensor-wind", phase(script, 30, 45).messages());
            List<String> rows = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60))
                    .until(
                            () -> {
                                rows.addAll(KafkaTestBroker.poll(written));
                                return rows.stream().anyMatch(r -> r.contains("IT-C-B"));
                            });
        }
        first.cancel().get();

        JobClient second = start(stack, checkpoints);
        try {
            KafkaTestBroker.produce(anemometers, "sensor-wind", phase(script, 45, 70).messages());
            // Druid orders scans by __time only: the test sorts by anemometer itself.
            List<Map<String, Object>> alarms =
                    awaitAlarms(stack, 6).stream()
                            .sorted(
                                    Comparator.comparing(
                                                    (Map<String, Object> r) ->
                                                            (String) r.get("wind_id"))
                                            .thenComparing(r -> (String) r.get("t")))
                            .toList();
            assertThat(describe(alarms))
                    .containsExactly(
                            "IT-404 warning null null " + script.at(20) + " unknown_device",
                            "IT-404 warning null null " + script.at(26) + " unknown_device",
                            "IT-MOVE warning IT-C-A 28013 " + script.at(5) + " ok",
                            "IT-MOVE warning IT-C-A 28013 " + script.at(12) + " ok",
                            "IT-MOVE warning IT-C-B 35001 " + script.at(42) + " ok",
                            "IT-MOVE warning IT-C-B 35001 " + script.at(49) + " ok");
            assertThat(alarms.get(3).get("episode_end")).isEqualTo(script.at(7).toString());
            assertThat(alarms.get(3).get("name")).isEqualTo("Ana");

            // One row per anemometer second, before and after the restart.
            awaitSteadySeconds(stack, script, 69);
            assertThat(
                            stack.druid()
                                    .sql(
                                            "SELECT __time, COUNT(*) AS n FROM wind_reading"
                                                    + " WHERE wind_id = 'IT-STEADY' GROUP BY 1"
                                                    + " HAVING COUNT(*) > 1"))
                    .isEmpty();
        } finally {
            second.cancel().get();
        }
        // Nothing more arrives later either (an aborted transaction never becomes visible).
        assertThat(stack.druid().sql(ALARMS)).hasSize(6);
    }

    /** Waits for {@code n} rows; on failure says how the readings were enriched. */
    private static List<Map<String, Object>> awaitAlarms(RunningStack stack, int n) {
        try {
            return stack.druid().awaitSql(ALARMS, rows -> rows.size() >= n, DRUID);
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "wind_reading enrichment: "
                            + stack.druid()
                                    .sql(
                                            "SELECT wind_id, client_id, enrichment_status,"
                                                    + " MAX(wind_speed_max) AS peak, COUNT(*) AS n"
                                                    + " FROM wind_reading GROUP BY 1, 2, 3"),
                    e);
        }
    }

    /**
     * Waits for IT-STEADY's seconds 0 to {@code n - 1} in {@code wind_reading}; on failure names
     * the seconds still missing, so a lost transaction and a stalled watermark tell themselves
     * apart.
     */
    private static void awaitSteadySeconds(RunningStack stack, WindScript script, int n) {
        String query = "SELECT __time AS t FROM wind_reading WHERE wind_id = 'IT-STEADY'";
        try {
            stack.druid().awaitSql(query, rows -> rows.size() >= n, DRUID);
        } catch (RuntimeException e) {
            Set<Instant> present =
                    stack.druid().sql(query).stream()
                            .map(r -> Instant.parse((String) r.get("t")))
                            .collect(Collectors.toSet());
            List<Integer> missing =
                    IntStream.range(0, n)
                            .filter(s -> !present.contains(script.at(s)))
                            .boxed()
                            .toList();
            throw new AssertionError(
                    "IT-STEADY seconds missing from wind_reading (0 = "
                            + script.at(0)
                            + "): "
                            + missing
                            + "; rows "
                            + present.size(),
                    e);
        }
    }

    private static JobClient start(RunningStack stack, Path checkpoints) throws Exception {
        // Both partitions of sensor-wind carry readings in every phase (IT-STEADY and IT-404 hash
        // to one, IT-MOVE to the other), so neither needs to fall idle. With the default 5 s they
        // did between phases, and when the next phase's readings (ten minutes old) came, the
        // partition read first moved event time to the phase's end before the other was active
        // again: the other's readings were late (Flink's idleness; the job logs each one).
        List<String> args =
                new ArrayList<>(
                        List.of(
                                "--checkpoint.interval", "2 s",
                                "--alarm.silence-after", "60 s",
                                "--watermark.idleness", "1 h"));
        // The job's Kafka credentials, as a deployment passes them: generic client settings.
        stack.kafkaClient("wind-job")
                .forEach(
                        (name, value) -> {
                            if (!name.equals("bootstrap.servers")) {
                                args.addAll(
                                        List.of("--kafka.properties." + name, value.toString()));
                            }
                        });
        return TestJobs.startWindJob(
                stack.kafkaBootstrap(),
                stack.couchbaseConnectionString(),
                stack.couchbaseBucket(),
                stack.couchbasePassword(),
                checkpoints,
                args.toArray(String[]::new));
    }

    /** Seconds [from, to) of the fleet: a steady sensor, one that changes owner, one unknown. */
    private static WindScript phase(WindScript script, int from, int to) {
        WindScript part = new WindScript(script.at(0));
        return part.report("IT-STEADY", from, to, s -> 4)
                .report("IT-MOVE", from, to, s -> s == 5 || s == 6 || s == 42 || s == 43 ? 13 : 4)
                .report("IT-404", from, to, s -> s == 20 ? 16 : 3);
    }

    private static void seedCatalog(RunningStack stack, WindScript script) {
        CatalogFixtures.into(
                stack,
                catalog ->
                        catalog.element("IT-ANEMO", 12, 20)
                                .client("IT-C-A", "Ana", "28013")
                                .client("IT-C-B", "Blas", "35001")
                                .anemometer(
                                        "IT-STEADY",
                                        "IT-ANEMO",
                                        new String[] {"IT-C-A"},
                                        new Instant[] {script.at(-3600)})
                                .anemometer(
                                        "IT-MOVE",
                                        "IT-ANEMO",
                                        new String[] {"IT-C-A", "IT-C-B"},
                                        new Instant[] {script.at(-3600), script.at(40)}));
    }

    /** "wind_id level client_id postal_code time status" per row. */
    private static List<String> describe(List<Map<String, Object>> rows) {
        return rows.stream()
                .map(
                        r ->
                                r.get("wind_id")
                                        + " "
                                        + r.get("level")
                                        + " "
                                        + r.get("client_id")
                                        + " "
                                        + r.get("postal_code")
                                        + " "
                                        + Instant.parse((String) r.get("t"))
                                        + " "
                                        + r.get("enrichment_status"))
                .toList();
    }
}
