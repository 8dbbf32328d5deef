package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.model.reading.WindReading;
import io.controlautogeneracion.pipelines.JobParameters;
import io.controlautogeneracion.pipelines.testing.CatalogFixtures;
import io.controlautogeneracion.pipelines.testing.FlinkTestCluster;
import io.controlautogeneracion.pipelines.testing.ProcessCpu;
import io.controlautogeneracion.pipelines.testing.TestJobs;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.junit.RunningStack;
import io.controlautogeneracion.stack.junit.WithLocalStack;
import io.controlautogeneracion.testing.KafkaTestBroker;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmark, not a test (its name keeps it out of the default run; {@code bench/wind.sh} runs it):
 * readings per second and per CPU-second through enrichment (warm cache), windows and alarms; and
 * the latency from a produced reading to its alarm row in Druid SQL at 5,000 readings/s through the
 * local stack. Prints {@code BENCH} lines; asserts nothing about time.
 */
@WithLocalStack({Engine.KAFKA, Engine.DRUID, Engine.COUCHBASE})
class WindBenchmark {
    private static final Logger LOG = LoggerFactory.getLogger(WindBenchmark.class);
    private static final int SENSORS = Integer.getInteger("bench.sensors", 1000);
    private static final long READINGS = Long.getLong("bench.readings", 3_000_000);
    private static final int RATE = Integer.getInteger("bench.rate", 5000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);

    /** Seconds produced before measuring: job deployment and Druid's first task are not steady. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 20);

    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    @BeforeAll
    static void seed(RunningStack stack) {
        CatalogFixtures.into(
                stack,
                catalog -> {
                    catalog.element("B-ANEMO", 15, 25).client("B-C", "Bench", "28013");
                    for (int i = 0; i < SENSORS; i++) {
                        catalog.anemometer(
                                id(i),
                                "B-ANEMO",
                                new String[] {"B-C"},
                                new Instant[] {Instant.parse("2020-01-01T00:00:00Z")});
                    }
                });
    }

    private static String id(int i) {
        return String.format(Locale.ROOT, "B-%05d", i);
    }

    @Test
    void readingsPerCoreThroughEnrichmentWindowsAndAlarms(RunningStack stack, @TempDir Path dir)
            throws Exception {
        WindJobSettings settings = settings(stack, dir);
        long base = Instant.now().minusSeconds(3600).toEpochMilli();
        int sensors = SENSORS;
        DataGeneratorSource<WindArrival> source =
                new DataGeneratorSource<>(
                        i ->
                                new WindArrival(
                                        new WindReading(
                                                id((int) (i % sensors)),
                                                Instant.ofEpochMilli(base + (i / sensors) * 200),
                                                5 + (i % 7),
                                                (double) (i % 360),
                                                8.0),
                                        base + (i / sensors) * 200 + 20),
                        READINGS,
                        RateLimiterStrategy.noOp(),
                        TypeInformation.of(WindArrival.class));
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(WindJob.configuration(settings));
        env.setParallelism(1);
        new WindJob(
                        source,
                        settings.catalogFactory(),
                        new DiscardingSink<>(),
                        new DiscardingSink<>(),
                        settings)
                .build(env);

        long cpuBefore = ProcessCpu.nanos();
        long start = System.nanoTime();
        JobExecutionResult result = env.execute("wind benchmark");
        double wallSeconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (ProcessCpu.nanos() - cpuBefore) / 1e9;

        LOG.info(
                "BENCH throughput: {} readings, {} sensors, parallelism 1: {} readings/s wall"
                        + " ({} s, job net {} s), {} readings per CPU-second ({} CPU-s of the"
                        + " whole JVM, incl. the stack's Couchbase client)",
                READINGS,
                SENSORS,
                Math.round(READINGS / wallSeconds),
                String.format(Locale.ROOT, "%.1f", wallSeconds),
                String.format(Locale.ROOT, "%.1f", result.getNetRuntime() / 1000.0),
                Math.round(READINGS / cpuSeconds),
                String.format(Locale.ROOT, "%.1f", cpuSeconds));
    }

    @Test
    void latencyFromReadingToAlarmInDruid(RunningStack stack, @TempDir Path dir) throws Exception {
        KafkaTestBroker.useTransactionProtocolV1(stack.kafkaBootstrap());
        JobClient job =
                TestJobs.startWindJob(
                        stack.kafkaBootstrap(),
                        stack.couchbaseConnectionString(),
                        stack.couchbaseBucket(),
                        stack.couchbasePassword(),
                        dir,
                        "--checkpoint.interval",
                        "500 ms",
                        "--watermark.out-of-orderness",
                        "500 ms",
                        "--alarm.silence-after",
                        "120 s");
        Map<String, Long> produced = new ConcurrentHashMap<>();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        AtomicBoolean producing = new AtomicBoolean(true);
        Thread poller = new Thread(() -> poll(stack, produced, seen, producing), "druid-poller");
        poller.start();
        try {
            produce(stack.kafkaBootstrap(), produced);
        } finally {
            producing.set(false);
            poller.join(60_000);
            job.cancel().get();
        }
        List<Long> latencies = new ArrayList<>();
        produced.forEach(
                (episode, at) -> {
                    Long when = seen.get(episode);
                    if (when != null) {
                        latencies.add(when - at);
                    }
                });
        latencies.sort(Long::compare);
        LOG.info(
                "BENCH latency at {} readings/s ({} sensors, {} s measured after {} s of warm-up):"
                        + " {} of {} alarms seen in Druid SQL; p50 {} ms, p99 {} ms, max {} ms",
                RATE,
                SENSORS,
                SECONDS,
                WARMUP,
                latencies.size(),
                produced.size(),
                percentile(latencies, 0.50),
                percentile(latencies, 0.99),
                latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
    }

    /**
     * {@link #RATE} readings a second, every sensor in turn, stamped with the wall clock; four
     * times a second one sensor reads 30 m/s (a storm), each sensor at most once.
     */
    private static void produce(String bootstrap, Map<String, Long> produced) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("linger.ms", "2");
        try (KafkaProducer<String, String> producer =
                new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            long start = System.currentTimeMillis();
            long sent = 0;
            int gusts = 0;
            long total = (long) RATE * (WARMUP + SECONDS);
            long measuredFrom = (long) RATE * WARMUP;
            while (sent < total) {
                long due = (System.currentTimeMillis() - start) * RATE / 1000;
                while (sent < Math.min(due, total)) {
                    int sensor = (int) (sent % SENSORS);
                    long now = System.currentTimeMillis();
                    boolean gust = sent % (RATE / 4) == 0 && gusts < SENSORS;
                    boolean measured = gust && sent >= measuredFrom;
                    String windId = gust ? id(gusts++) : id(sensor);
                    double speed = gust ? 30.0 : 5.0;
                    producer.send(
                            new ProducerRecord<>(
                                    "sensor-wind",
                                    windId,
                                    String.format(
                                            Locale.ROOT,
                                            "{\"wind_id\":\"%s\",\"timestamp\":%d,\"wind_speed\":%.1f}",
                                            windId,
                                            now,
                                            speed)));
                    if (measured) {
                        produced.put(windId + "@" + Instant.ofEpochMilli(now / 1000 * 1000), now);
                    }
                    sent++;
                }
                Thread.onSpinWait();
                if (due <= sent) {
                    java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                }
            }
        }
    }

    private static void poll(
            RunningStack stack,
            Map<String, Long> produced,
            Map<String, Long> seen,
            AtomicBoolean on) {
        String since = Instant.now().minusSeconds(5).toString();
        long quietUntil = Long.MAX_VALUE;
        while (System.currentTimeMillis() < quietUntil) {
            if (!on.get() && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.currentTimeMillis() + 15_000;
            }
            try {
                for (Map<String, Object> row :
                        stack.druid()
                                .sql(
                                        "SELECT wind_id, episode_start FROM wind_alarm WHERE"
                                                + " episode_end IS NULL AND \"level\" = 'storm' AND"
                                                + " __time >= TIME_PARSE(?)",
                                        since)) {
                    seen.putIfAbsent(
                            row.get("wind_id") + "@" + row.get("episode_start"),
                            System.currentTimeMillis());
                }
            } catch (RuntimeException e) {
                // The datasource appears with its first row; until then the query fails.
            }
            if (on.get() || seen.size() < produced.size()) {
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
            } else {
                return;
            }
        }
    }

    private static long percentile(List<Long> sorted, double q) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }

    private static WindJobSettings settings(RunningStack stack, Path dir) {
        Map<String, String> env = new HashMap<>();
        String[] args = {
            "--kafka.bootstrap", stack.kafkaBootstrap(),
            "--couchbase.connection-string", stack.couchbaseConnectionString(),
            "--couchbase.bucket", stack.couchbaseBucket(),
            "--couchbase.password", stack.couchbasePassword(),
            "--checkpoint.dir", dir.toString(),
            "--checkpoint.interval", "10 s"
        };
        return WindJobSettings.from(new JobParameters(args, env, "WIND"));
    }
}
