package io.controlautogeneracion.pipelines.wind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.controlautogeneracion.catalog.client.CatalogConnection;
import io.controlautogeneracion.catalog.client.testing.CatalogSeed;
import io.controlautogeneracion.model.catalog.Enrichment;
import io.controlautogeneracion.pipelines.testing.CatalogFixtures;
import io.controlautogeneracion.pipelines.testing.FlinkTestCluster;
import io.controlautogeneracion.pipelines.testing.TestJobs;
import io.controlautogeneracion.pipelines.testing.WindScript;
import io.controlautogeneracion.stack.standin.CouchbaseStandIn;
import io.controlautogeneracion.testing.KafkaTestBroker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole wind job at parallelism 2 on a MiniCluster: a real in-JVM Kafka broker, the catalog in
 * CouchbaseMock, exactly-once sinks read back with {@code read_committed}.
 */
class WindJobTest {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static KafkaTestBroker kafka;
    private static CouchbaseStandIn couchbase;

    @BeforeAll
    static void start() throws Exception {
        kafka = KafkaTestBroker.builder().transactionProtocolV1().start();
        kafka.createTopics(Map.of("sensor-wind", 2, "wind_reading", 2, "wind_alarm", 2));
        couchbase = CouchbaseStandIn.start("catalog", "catalog-pw");
    }

    @AfterAll
    static void stop() throws Exception {
        couchbase.close();
        kafka.close();
    }

    @Test
    void shouldTurnReadingsIntoEnrichedSecondsAndOneAlarmRowPerEpisodeChange(@TempDir Path dir)
            throws Exception {
        WindScript script =
                new WindScript(Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(1200));
        try (CatalogConnection catalog = CatalogConnection.open(CatalogSeed.settings(couchbase))) {
            new CatalogFixtures(catalog.collection())
                    .element("ANEMO-2", 12, 20)
                    .client("C-A", "Ana", "28013")
                    .client("C-B", "Blas", "35001")
                    .anemometer(
                            "W-OWNED",
                            "ANEMO-2",
                            new String[] {"C-A"},
                            new Instant[] {script.at(-3600)})
                    .anemometer(
                            "W-SILENT",
                            "ANEMO-2",
                            new String[] {"C-A"},
                            new Instant[] {script.at(-3600)})
                    .anemometer(
                            "W-MOVE",
                            "ANEMO-2",
                            new String[] {"C-A", "C-B"},
                            new Instant[] {script.at(-3600), script.at(30)});
        }
        script.report("W-OWNED", 0, 61, s -> s >= 10 && s < 14 ? 14 : s == 14 ? 22 : 5)
                .report("W-MOVE", 0, 61, s -> s == 5 || s == 6 || s == 35 || s == 36 ? 13 : 4)
                .report("W-404", 0, 61, s -> s == 20 ? 16 : 3)
                .report("W-SILENT", 0, 10, s -> 3)
                .invalid("W-OWNED", 3, "{not json")
                .invalid(
                        "W-OWNED",
                        4,
                        "{\"wind_id\":\"W-OWNED\",\"timestamp\":\"nope\",\"wind_speed\":1}");
        KafkaTestBroker.produce(kafka.bootstrap(), "sensor-wind", script.messages());

        JobClient job = start(dir);
        List<JsonNode> alarms = new ArrayList<>();
        List<JsonNode> seconds = new ArrayList<>();
        try (KafkaConsumer<String, String> alarmReader =
                        KafkaTestBroker.committedReader(kafka.bootstrap(), "wind_alarm");
                KafkaConsumer<String, String> secondReader =
                        KafkaTestBroker.committedReader(kafka.bootstrap(), "wind_reading")) {
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> {
                                read(alarmReader, alarms);
                                read(secondReader, seconds);
                                // The last second of each steady sensor stays open: no later
                                // reading closes it.
                                assertThat(seconds.size()).isGreaterThanOrEqualTo(3 * 60 + 10);
                                assertThat(alarms).hasSizeGreaterThanOrEqualTo(10);
                            });
            // Another checkpoint or two must not add rows: the stream has nothing more to say.
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> read(alarmReader, alarms) == 10);
        } finally {
            job.cancel().get();
        }

        assertThat(rows(alarms, "W-OWNED"))
                .containsExactly(
                        "warning " + script.at(10) + " C-A null",
                        "storm " + script.at(14) + " C-A null",
                        "storm " + script.at(20) + " C-A " + script.at(15));
        assertThat(rows(alarms, "W-MOVE"))
                .containsExactly(
                        "warning " + script.at(5) + " C-A null",
                        "warning " + script.at(12) + " C-A " + script.at(7),
                        "warning " + script.at(35) + " C-B null",
                        "warning " + script.at(42) + " C-B " + script.at(37));
        assertThat(rows(alarms, "W-404"))
                .containsExactly(
                        "warning " + script.at(20) + " null null",
                        "warning " + script.at(26) + " null " + script.at(21));
        assertThat(rows(alarms, "W-SILENT"))
                .containsExactly("silent " + script.at(20) + " C-A null");

        JsonNode storm = find(seconds, "W-OWNED", script.at(14));
        assertThat(storm.get("wind_speed_max").asDouble()).isEqualTo(22.0);
        assertThat(storm.get("samples").asInt()).isEqualTo(5);
        assertThat(storm.get("name").asText()).isEqualTo("Ana");
        assertThat(storm.get("model").asText()).isEqualTo("ANEMO-2");
        assertThat(find(seconds, "W-404", script.at(3)).get("enrichment_status").asText())
                .isEqualTo("unknown_device");
        assertThat(find(seconds, "W-MOVE", script.at(30)).get("client_id").asText())
                .isEqualTo("C-B");
        assertThat(seconds)
                .filteredOn(r -> r.get("wind_id").asText().equals("W-SILENT"))
                .hasSize(10);
    }

    /**
     * One partition's readings wait 2.5 s for the catalog (a slow Couchbase, inside the lookup's
     * bounds) while the other partition's flow on, with an idle timeout of 1 s: the slow
     * partition's source falls idle while its readings are still with the catalog, yet none is
     * judged late, because its idle mark waits behind them. With Flink's own async operator the
     * mark went ahead and its first 19 seconds were all late.
     */
    @Test
    void shouldKeepEveryReadingOfAPartitionWhoseCatalogLookupsAreSlow(@TempDir Path dir)
            throws Exception {
        kafka.createTopics(Map.of("slow-wind", 2, "slow-reading", 2, "slow-alarm", 2));
        String slowId = onPartition("W-SLOW-", 0);
        String fastId = onPartition("W-FAST-", 1);
        WindScript script =
                new WindScript(Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(600));
        script.report(slowId, 0, 20, s -> 4).report(fastId, 0, 20, s -> 4);
        KafkaTestBroker.produce(kafka.bootstrap(), "slow-wind", script.messages());

        WindJobSettings settings =
                TestJobs.windSettings(
                        kafka.bootstrap(),
                        couchbase.connectionString(),
                        couchbase.bucket(),
                        couchbase.password(),
                        dir,
                        "--topic.readings",
                        "slow-wind",
                        "--topic.wind-reading",
                        "slow-reading",
                        "--topic.wind-alarm",
                        "slow-alarm",
                        "--kafka.group-id",
                        "slow-wind",
                        "--kafka.transactional-id-prefix",
                        "slow-wind",
                        "--watermark.idleness",
                        "1 s");
        JobClient job =
                TestJobs.start(
                        settings,
                        WindJob.fromSettings(
                                settings, new SlowFor(settings.catalogFactory(), slowId)));
        List<JsonNode> seconds = new ArrayList<>();
        try (KafkaConsumer<String, String> reader =
                KafkaTestBroker.committedReader(kafka.bootstrap(), "slow-reading")) {
            // Seconds 0..18 of both close (the last stays open: nothing comes after it).
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> {
                                read(reader, seconds);
                                assertThat(seconds).hasSizeGreaterThanOrEqualTo(2 * 19);
                            });
        } finally {
            job.cancel().get();
        }
        assertThat(seconds)
                .filteredOn(r -> r.get("wind_id").asText().equals(slowId))
                .allSatisfy(r -> assertThat(r.get("samples").asInt()).isEqualTo(5))
                .hasSize(19);
    }

    /**
     * On each of the two partitions, an anemometer whose clock runs four minutes ahead reports
     * beside a steady one (the records stamped by the broker's clock, as with {@code
     * LogAppendTime}). Event time follows the broker's clock, so every second of the steady
     * anemometers is on time, none of them looks silent (only the one that really stops does), and
     * the fast ones' readings count in their own seconds, a storm included, once the broker's clock
     * reaches them.
     */
    @Test
    void shouldNotLetAClockFourMinutesAheadMakeTheOtherAnemometersLateOrSilent(@TempDir Path dir)
            throws Exception {
        kafka.createTopics(Map.of("clock-wind", 2, "clock-reading", 2, "clock-alarm", 2));
        String fast0 = onPartition("W-FAST-", 0);
        String fast1 = onPartition("W-FAST-", 1);
        String steady0 = onPartition("W-STEADY-", 0);
        String steady1 = onPartition("W-STEADY-", 1);
        String quiet = onPartition("W-QUIET-", 1);
        WindScript script =
                new WindScript(Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(600));
        script.reportAhead(fast0, 0, 300, 240, s -> s == 10 ? 30 : 4)
                .reportAhead(fast1, 0, 300, 240, s -> 4)
                .report(steady0, 0, 300, s -> 4)
                .report(steady1, 0, 300, s -> 4)
                .report(quiet, 0, 30, s -> 4);
        KafkaTestBroker.produceStamped(kafka.bootstrap(), "clock-wind", script.logged());

        WindJobSettings settings =
                TestJobs.windSettings(
                        kafka.bootstrap(),
                        couchbase.connectionString(),
                        couchbase.bucket(),
                        couchbase.password(),
                        dir,
                        "--topic.readings",
                        "clock-wind",
                        "--topic.wind-reading",
                        "clock-reading",
                        "--topic.wind-alarm",
                        "clock-alarm",
                        "--kafka.group-id",
                        "clock-wind",
                        "--kafka.transactional-id-prefix",
                        "clock-wind");
        JobClient job = TestJobs.start(settings, WindJob.fromSettings(settings));
        List<JsonNode> seconds = new ArrayList<>();
        List<JsonNode> alarms = new ArrayList<>();
        try (KafkaConsumer<String, String> secondReader =
                        KafkaTestBroker.committedReader(kafka.bootstrap(), "clock-reading");
                KafkaConsumer<String, String> alarmReader =
                        KafkaTestBroker.committedReader(kafka.bootstrap(), "clock-alarm")) {
            // The broker's clock reaches 299.87 s: seconds 0..298 close, 299 stays open; the fast
            // anemometers' seconds close up to their 240 + 58.
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(
                            () -> {
                                read(secondReader, seconds);
                                read(alarmReader, alarms);
                                assertThat(seconds)
                                        .hasSizeGreaterThanOrEqualTo(2 * 299 + 2 * 59 + 30);
                                assertThat(alarms).hasSizeGreaterThanOrEqualTo(3);
                            });
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(
                            () ->
                                    read(secondReader, seconds) + read(alarmReader, alarms)
                                            == 2 * 299 + 2 * 59 + 30 + 3);
        } finally {
            job.cancel().get();
        }

        for (String steady : List.of(steady0, steady1)) {
            assertThat(seconds)
                    .as("seconds of %s", steady)
                    .filteredOn(r -> r.get("wind_id").asText().equals(steady))
                    .hasSize(299)
                    .allSatisfy(r -> assertThat(r.get("samples").asInt()).isEqualTo(5));
        }
        for (String fast : List.of(fast0, fast1)) {
            assertThat(seconds)
                    .as("seconds of %s", fast)
                    .filteredOn(r -> r.get("wind_id").asText().equals(fast))
                    .hasSize(59)
                    .allSatisfy(r -> assertThat(r.get("samples").asInt()).isEqualTo(5));
            assertThat(find(seconds, fast, script.at(240 + 58))).isNotNull();
        }
        assertThat(rows(alarms, fast0))
                .containsExactly(
                        "storm " + script.at(250) + " null null",
                        "storm " + script.at(256) + " null " + script.at(251));
        assertThat(rows(alarms, quiet)).containsExactly("silent " + script.at(40) + " null null");
        assertThat(alarms).extracting(a -> a.get("wind_id").asText()).containsOnly(fast0, quiet);
    }

    /** The first id {@code prefix + n} the producer's default partitioner puts on {@code p}. */
    private static String onPartition(String prefix, int p) {
        for (int n = 0; ; n++) {
            String id = prefix + n;
            byte[] key = id.getBytes(StandardCharsets.UTF_8);
            if (Utils.toPositive(Utils.murmur2(key)) % 2 == p) {
                return id;
            }
        }
    }

    /** The Couchbase catalog, with every lookup of one anemometer answered 2.5 s late. */
    private record SlowFor(WindCatalog.Factory inner, String windId)
            implements WindCatalog.Factory {
        @Override
        public WindCatalog open() {
            WindCatalog catalog = inner.open();
            Executor late = CompletableFuture.delayedExecutor(2500, TimeUnit.MILLISECONDS);
            return new WindCatalog() {
                @Override
                public CompletableFuture<Enrichment> enrich(String id, Instant at) {
                    if (!id.equals(windId)) {
                        return catalog.enrich(id, at);
                    }
                    return CompletableFuture.supplyAsync(() -> null, late)
                            .thenCompose(ignored -> catalog.enrich(id, at));
                }

                @Override
                public void close() throws Exception {
                    catalog.close();
                }
            };
        }
    }

    private JobClient start(Path dir) throws Exception {
        return TestJobs.startWindJob(
                kafka.bootstrap(),
                couchbase.connectionString(),
                couchbase.bucket(),
                couchbase.password(),
                dir);
    }

    private static int read(KafkaConsumer<String, String> consumer, List<JsonNode> into)
            throws Exception {
        for (String value : KafkaTestBroker.poll(consumer)) {
            into.add(JSON.readTree(value));
        }
        return into.size();
    }

    /** "level timestamp client_id episode_end" of one anemometer's alarm rows, in time order. */
    private static List<String> rows(List<JsonNode> alarms, String windId) {
        return alarms.stream()
                .filter(a -> a.get("wind_id").asText().equals(windId))
                .sorted(
                        (a, b) ->
                                a.get("timestamp").asText().compareTo(b.get("timestamp").asText()))
                .map(
                        a ->
                                a.get("level").asText()
                                        + " "
                                        + a.get("timestamp").asText()
                                        + " "
                                        + a.get("client_id").asText()
                                        + " "
                                        + a.get("episode_end").asText())
                .toList();
    }

    private static JsonNode find(List<JsonNode> rows, String windId, Instant second) {
        return rows.stream()
                .filter(r -> r.get("wind_id").asText().equals(windId))
                .filter(r -> r.get("timestamp").asText().equals(second.toString()))
                .findFirst()
                .orElseThrow();
    }
}
