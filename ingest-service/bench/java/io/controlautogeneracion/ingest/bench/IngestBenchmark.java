package io.controlautogeneracion.ingest.bench;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import io.controlautogeneracion.ingest.testing.StandIns;
import io.controlautogeneracion.model.reading.DeviceKind;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * Side-by-side benchmark: preloads N messages per device topic into an in-JVM Kafka broker, then
 * runs, one after the other and {@code runs} times, the packaged service and the seed-style peer
 * consumer ({@code seed_style_ingest.py}) against the same broker, the same messages and the same
 * MongoDB stand-in (emptied before each run, each run with a fresh consumer group). Both are
 * measured the same way, from outside: messages per second from the first stored document to the
 * last, CPU seconds of the process over that span (utime + stime from {@code /proc}) per million
 * messages, and peak RSS ({@code VmHWM}). Prints one table with the ratios.
 *
 * <p>Usage: {@code IngestBenchmark <N per topic> <runs> <quarkus-run.jar> <peer script|->}.
 * Environment: {@code BENCH_SERVICE_JAVA_OPTS} (the service's JVM options; default the deployed
 * ones), {@code BENCH_NATIVE} (the service's native executable, run after the JVM one in each run
 * with the options its image gives it, or {@code BENCH_NATIVE_OPTS}), {@code BENCH_PEER_PYTHON}
 * (default {@code /usr/bin/python3}), {@code
 * BENCH_CATALOG_CACHE_TTL} (e.g. 1s for a cold catalog cache), {@code BENCH_RAW=1} (also the
 * stand-in's own raw insert rate).
 */
public final class IngestBenchmark {

    private static final Logger LOG = Logger.getLogger(IngestBenchmark.class);
    private static final long CLOCK_TICKS = 100;
    // After the last stored document: the last commits and flushes of the run.
    private static final Duration IDLE_SETTLE = Duration.ofSeconds(5);

    private IngestBenchmark() {}

    public static void main(String[] args) throws Exception {
        BenchLogging.configure();
        long perTopic = Long.parseLong(args[0]);
        int runs = Integer.parseInt(args[1]);
        Path jar = Path.of(args[2]);
        Path peer = "-".equals(args[3]) ? null : Path.of(args[3]);
        String nativeRunner = System.getenv("BENCH_NATIVE");
        Path module = module(jar);
        List<Contender> contenders = new ArrayList<>();
        contenders.add(new Contender("service", jvmCommand(jar, module)));
        if (nativeRunner != null && !nativeRunner.isBlank()) {
            contenders.add(new Contender("native", nativeCommand(Path.of(nativeRunner), module)));
        }
        long total = perTopic * DeviceKind.values().length;
        try (StandIns standIns = StandIns.start()) {
            double raw =
                    System.getenv("BENCH_RAW") == null
                            ? Double.NaN
                            : rawInsertRate(standIns.mongoConnectionString(), perTopic);
            preload(standIns.bootstrapServers(), perTopic);
            BenchCatalog.load(standIns);
            List<Result> seedStyle = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                for (Contender contender : contenders) {
                    emptyStore(standIns);
                    String name = contender.name() + "-" + run;
                    Path log = module.resolve("target/bench-" + name + ".log");
                    Result result = runService(contender.command(), log, standIns, total, name);
                    contender.results().add(result);
                    LOG.infof("run %d, %s: %s", run, contender.name(), result);
                }
                if (peer != null) {
                    emptyStore(standIns);
                    seedStyle.add(runPeer(peer, standIns, total, run));
                    LOG.infof("run %d, peer: %s", run, seedStyle.get(seedStyle.size() - 1));
                }
            }
            report(perTopic, raw, contenders, seedStyle);
        }
        System.exit(0);
    }

    /**
     * The raw rate, measured by {@link RawInsertClient} in its own process — like the service, so
     * that the client's encoding does not compete with the stand-in inside this JVM.
     */
    static double rawInsertRate(String mongo, long perTopic) throws Exception {
        Path result = Files.createTempFile("raw-insert-rate", ".txt");
        Process client =
                new ProcessBuilder(
                                "java",
                                "-Xmx1g",
                                "-cp",
                                System.getProperty("java.class.path"),
                                RawInsertClient.class.getName(),
                                mongo,
                                String.valueOf(perTopic),
                                result.toString())
                        .inheritIO()
                        .start();
        if (client.waitFor() != 0) {
            throw new IllegalStateException("the raw insert client failed");
        }
        return Double.parseDouble(Files.readString(result).trim());
    }

    static void preload(String bootstrap, long perTopic) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        props.put(ProducerConfig.ACKS_CONFIG, "1");
        long start = System.nanoTime();
        long bytes = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (DeviceKind kind : DeviceKind.values()) {
                BenchMessages messages = new BenchMessages(100 + kind.ordinal());
                for (long i = 0; i < perTopic; i++) {
                    String value = messages.message(kind, i, Instant.now());
                    bytes += value.length();
                    producer.send(
                            new ProducerRecord<>(
                                    kind.defaultTopic(), BenchMessages.deviceId(kind, i), value));
                }
            }
            producer.flush();
        }
        LOG.infof(
                "preloaded %d messages per topic (%.0f bytes average, %.1f %% invalid) in %.1f s",
                perTopic,
                (double) bytes / (perTopic * 3),
                100 * BenchMessages.INVALID_SHARE,
                (System.nanoTime() - start) / 1e9);
    }

    record Result(
            double rate,
            double cpuPerMillion,
            double cpuTotal,
            long peakRssKb,
            double seconds,
            String detail) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%.0f msgs/s over %.1f s, %.2f CPU-s per million (%.1f s in total), peak RSS %.0f MiB; %s",
                    rate,
                    seconds,
                    cpuPerMillion,
                    cpuTotal,
                    peakRssKb / 1024.0,
                    detail);
        }
    }

    /**
     * Drops the stand-in's database and collects this JVM's heap, where the stand-in kept the
     * documents of the run before: each run starts with the store empty and its memory free, so
     * that no collection of an earlier run's documents falls in a measured span.
     */
    static void emptyStore(StandIns standIns) {
        standIns.database().drop();
        System.gc();
    }

    /** The module's folder, from its packaged jar ({@code target/quarkus-app/quarkus-run.jar}). */
    static Path module(Path jar) {
        return jar.toAbsolutePath().getParent().getParent().getParent();
    }

    /** A form of the service measured against the peer: its name, its command and its runs. */
    record Contender(String name, List<String> command, List<Result> results) {
        Contender(String name, List<String> command) {
            this(name, command, new ArrayList<>());
        }
    }

    /**
     * The packaged service with its JVM options: the deployed ones (the module's {@code
     * jvm.options}) unless BENCH_SERVICE_JAVA_OPTS says others.
     */
    static List<String> jvmCommand(Path jar, Path module) {
        List<String> command = new ArrayList<>();
        command.add("java");
        String options = System.getenv("BENCH_SERVICE_JAVA_OPTS");
        command.addAll(
                options == null ? List.of("@" + module.resolve("jvm.options")) : words(options));
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }

    /**
     * The native executable with the options its image runs it with (the arguments after the
     * executable in the {@code ENTRYPOINT} of {@code src/main/docker/Dockerfile.native-micro})
     * unless BENCH_NATIVE_OPTS says others.
     */
    static List<String> nativeCommand(Path runner, Path module) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(runner.toAbsolutePath().toString());
        String options = System.getenv("BENCH_NATIVE_OPTS");
        command.addAll(
                options == null
                        ? imageArguments(module.resolve("src/main/docker/Dockerfile.native-micro"))
                        : words(options));
        return command;
    }

    /** The arguments after the executable in a Dockerfile's exec-form {@code ENTRYPOINT}. */
    static List<String> imageArguments(Path dockerfile) throws Exception {
        for (String line : Files.readAllLines(dockerfile)) {
            if (line.startsWith("ENTRYPOINT [")) {
                JsonNode entrypoint =
                        new ObjectMapper().readTree(line.substring("ENTRYPOINT".length()));
                List<String> arguments = new ArrayList<>();
                for (int i = 1; i < entrypoint.size(); i++) {
                    arguments.add(entrypoint.get(i).asText());
                }
                return arguments;
            }
        }
        throw new IllegalStateException("no exec-form ENTRYPOINT in " + dockerfile);
    }

    private static List<String> words(String options) {
        return Arrays.stream(options.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
    }

    static Result runService(
            List<String> command, Path log, StandIns standIns, long total, String group)
            throws Exception {
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("KAFKA_BOOTSTRAP_SERVERS", standIns.bootstrapServers());
        env.put("QUARKUS_MONGODB_CONNECTION_STRING", standIns.mongoConnectionString());
        env.put("QUARKUS_HTTP_PORT", "0");
        // As deployed (the images, the local stack): two of glibc's allocation arenas.
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("INGEST_VIEWER_PASSWORD", "bench-viewer");
        env.put("INGEST_ADMIN_PASSWORD", "bench-admin");
        // Fresh consumer groups per run: every run reads the same messages from the start.
        env.put("INGEST_CONSUMER_GROUP_PREFIX", "bench-" + group);
        // Enrichment from the catalog stand-in; BENCH_CATALOG_CACHE_TTL=1s keeps the cache cold
        // (every device read from Couchbase again each second) instead of the default 5 min.
        standIns.catalogConfig()
                .forEach(
                        (key, value) ->
                                env.put(
                                        key.toUpperCase(Locale.ROOT)
                                                .replace('.', '_')
                                                .replace('-', '_'),
                                        value));
        // CouchbaseMock does not answer the SDK's configuration polls: a warning a second.
        env.put("QUARKUS_LOG_CATEGORY__COM_COUCHBASE_CONFIG__LEVEL", "ERROR");
        String cacheTtl = System.getenv("BENCH_CATALOG_CACHE_TTL");
        if (cacheTtl != null) {
            env.put("INGEST_CATALOG_CACHE_TTL", cacheTtl);
            env.put("INGEST_CATALOG_MISSING_TTL", cacheTtl);
            env.put("INGEST_CATALOG_REUSE", cacheTtl);
        }
        Process service = builder.start();
        return measure(
                service,
                standIns,
                total,
                log.toFile(),
                db -> enrichment(db) + "; " + idle(service.pid()));
    }

    static Result runPeer(Path script, StandIns standIns, long total, int run) throws Exception {
        File log = Files.createTempFile("bench-peer-" + run + "-", ".log").toFile();
        String python = System.getenv().getOrDefault("BENCH_PEER_PYTHON", "/usr/bin/python3");
        Process peer =
                new ProcessBuilder(
                                python,
                                "-u",
                                "-c",
                                // Runs the script unchanged, then stays until stdin closes, so
                                // that its CPU and RSS are read like the service's (which stays).
                                "import runpy, sys; sys.argv = sys.argv[1:]; "
                                        + "runpy.run_path(sys.argv[0], run_name='__main__'); "
                                        + "sys.stdin.read()",
                                script.toString(),
                                standIns.bootstrapServers(),
                                standIns.mongoConnectionString(),
                                StandIns.DATABASE,
                                Arrays.stream(DeviceKind.values())
                                        .map(DeviceKind::defaultTopic)
                                        .collect(Collectors.joining(",")),
                                String.valueOf(total),
                                "bench-peer-" + run)
                        .redirectErrorStream(true)
                        .redirectOutput(log)
                        .start();
        return measure(peer, standIns, total, log, db -> "its own line: " + lastLine(log));
    }

    private static String lastLine(File log) {
        try {
            List<String> lines = Files.readAllLines(log.toPath());
            return lines.isEmpty() ? "(none)" : lines.get(lines.size() - 1);
        } catch (Exception e) {
            return "(unreadable: " + e + ")";
        }
    }

    interface Detail {
        String of(MongoDatabase database) throws Exception;
    }

    /** Polls the stored count until every message is stored; measures the process over the span. */
    static Result measure(Process process, StandIns standIns, long total, File log, Detail detail)
            throws Exception {
        try (MongoClient client = MongoClients.create(standIns.mongoConnectionString())) {
            MongoDatabase database = client.getDatabase(StandIns.DATABASE);
            Progress progress = new Progress(process, database, total, log);
            await().atMost(Duration.ofHours(2))
                    .pollInterval(Duration.ofMillis(250))
                    .until(progress::allStored);
            double seconds = (progress.lastNanos - progress.startNanos) / 1e9;
            double cpu = progress.lastCpu;
            long rss = peakRssKb(process.pid());
            long measured = total - progress.firstStored;
            return new Result(
                    measured / seconds,
                    (cpu - progress.startCpu) / (measured / 1e6),
                    cpu,
                    rss,
                    seconds,
                    detail.of(database)
                            + String.format(
                                    Locale.ROOT,
                                    "; the broker and stand-ins (this JVM) over the span: %.2f"
                                            + " CPU-s per million",
                                    (progress.ownAtEnd.total() - progress.ownAtStart.total())
                                            / (measured / 1e6))
                            + " ("
                            + largest(
                                    since(
                                            progress.ownAtStart.threads(),
                                            progress.ownAtEnd.threads()))
                            + ")"
                            + "; its CPU-s by thread over the span: "
                            + largest(since(progress.threadsAtStart, progress.threadsAtEnd))
                            + "; since its start: "
                            + threadCpu(process.pid()));
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    /**
     * Polls the stored count; remembers when (and at what CPU time) the first documents landed and
     * when (and at what CPU time) the last did.
     */
    private static final class Progress {
        private final Process process;
        private final MongoDatabase database;
        private final long total;
        private final File log;
        private long firstStored = -1;
        private long startNanos;
        private double startCpu;
        private long lastNanos;
        private double lastCpu;
        // This JVM's own CPU: the broker and the stand-ins the process under test talks to.
        private OwnCpu ownAtStart;
        private OwnCpu ownAtEnd;
        // The process's own threads at the first and the last stored document.
        private Map<String, Double> threadsAtStart;
        private Map<String, Double> threadsAtEnd;
        private long lastReport = System.nanoTime();
        private double reportCpu;
        private long reportStored;

        Progress(Process process, MongoDatabase database, long total, File log) {
            this.process = process;
            this.database = database;
            this.total = total;
            this.log = log;
        }

        boolean allStored() throws Exception {
            if (!process.isAlive()) {
                throw new IllegalStateException("the process stopped; see " + log);
            }
            double cpu = cpuSeconds(process.pid());
            long now = System.nanoTime();
            long stored =
                    database.getCollection("topic").estimatedDocumentCount()
                            + database.getCollection("topic_alarm").estimatedDocumentCount();
            if (firstStored < 0 && stored > 0) {
                firstStored = stored;
                startNanos = now;
                startCpu = cpu;
                ownAtStart = OwnCpu.now();
                threadsAtStart = threadCpuGroups(process.pid());
            }
            if (stored >= total) {
                lastNanos = now;
                lastCpu = cpu;
                ownAtEnd = OwnCpu.now();
                threadsAtEnd = threadCpuGroups(process.pid());
                return true;
            }
            if (now - lastReport > 10e9) {
                // The process's CPU per million over the last interval: the start (classes loaded,
                // code interpreted until compiled) apart from the steady state.
                LOG.infof(
                        "progress: %d of %d stored, %.2f CPU-s per million over the last %.0f s",
                        stored,
                        total,
                        (cpu - reportCpu) / Math.max(1, stored - reportStored) * 1e6,
                        (now - lastReport) / 1e9);
                lastReport = now;
                reportCpu = cpu;
                reportStored = stored;
            }
            return false;
        }
    }

    /** This JVM's CPU seconds since it started, in all and by thread name. */
    private record OwnCpu(double total, Map<String, Double> threads) {
        static OwnCpu now() throws Exception {
            long pid = ProcessHandle.current().pid();
            return new OwnCpu(cpuSeconds(pid), threadCpuGroups(pid));
        }
    }

    /**
     * What the service costs with nothing to read, once every message is stored: its CPU per second
     * over {@code BENCH_IDLE_SECONDS} (default 20), from {@link #IDLE_SETTLE} after the last
     * stored document, by thread. The background work (the stats flushes, the enrichment pass,
     * the clients' timers and heartbeats) an edge node pays whether messages come or not.
     */
    static String idle(long pid) throws Exception {
        Duration window =
                Duration.ofSeconds(
                        Long.parseLong(System.getenv().getOrDefault("BENCH_IDLE_SECONDS", "20")));
        if (window.isZero()) {
            return "idle not measured";
        }
        waitFor(IDLE_SETTLE);
        double cpuAtStart = cpuSeconds(pid);
        Map<String, Double> threadsAtStart = threadCpuGroups(pid);
        long start = System.nanoTime();
        waitFor(window);
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Double> perSecond = new java.util.TreeMap<>();
        since(threadsAtStart, threadCpuGroups(pid))
                .forEach((name, cpu) -> perSecond.put(name, cpu * 1000 / seconds));
        return String.format(
                        Locale.ROOT,
                        "idle afterwards: %.1f CPU-ms per second over %.0f s (",
                        (cpuSeconds(pid) - cpuAtStart) * 1000 / seconds,
                        seconds)
                + largest(perSecond)
                + ")";
    }

    private static void waitFor(Duration duration) {
        await().pollDelay(duration).atMost(duration.plusSeconds(5)).until(() -> true);
    }

    /** How the stored readings were enriched when the last one was stored: count per status. */
    static String enrichment(MongoDatabase database) {
        StringBuilder counts = new StringBuilder();
        for (Document group :
                database.getCollection("topic")
                        .aggregate(
                                List.of(
                                        Aggregates.group(
                                                "$enrichment_status", Accumulators.sum("n", 1)),
                                        Aggregates.sort(Sorts.ascending("_id"))))) {
            counts.append(counts.length() == 0 ? "" : ", ")
                    .append(group.get("_id"))
                    .append(' ')
                    .append(group.get("n"));
        }
        return "topic documents by enrichment_status: " + counts;
    }

    /** utime + stime of a process, from /proc/<pid>/stat (fields 14 and 15). */
    static double cpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS;
    }

    /**
     * CPU seconds of the process's threads since it started, grouped by thread name without digits
     * (JIT compilers, GC, Kafka consumers, event loops...), the eight largest groups.
     */
    static String threadCpu(long pid) throws Exception {
        return largest(threadCpuGroups(pid));
    }

    /** CPU seconds of the process's threads since it started, by thread name without digits. */
    static Map<String, Double> threadCpuGroups(long pid) throws Exception {
        Map<String, Double> groups = new java.util.TreeMap<>();
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu =
                            (Long.parseLong(fields[11]) + Long.parseLong(fields[12]))
                                    / (double) CLOCK_TICKS;
                    groups.merge(name.replaceAll("[0-9]+", "#"), cpu, Double::sum);
                } catch (java.io.IOException gone) {
                    // a thread that ended meanwhile
                }
            }
        }
        return groups;
    }

    /** The CPU seconds of each group in {@code end} less those in {@code start}. */
    static Map<String, Double> since(Map<String, Double> start, Map<String, Double> end) {
        Map<String, Double> delta = new java.util.TreeMap<>();
        end.forEach((name, cpu) -> delta.put(name, cpu - start.getOrDefault(name, 0.0)));
        return delta;
    }

    /** The eight largest groups, "name seconds" each. */
    static String largest(Map<String, Double> groups) {
        return groups.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .limit(8)
                .map(e -> String.format(Locale.ROOT, "%s %.1f", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static long peakRssKb(long pid) throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static double median(List<Result> results, java.util.function.ToDoubleFunction<Result> f) {
        double[] values = results.stream().mapToDouble(f).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static void report(
            long perTopic, double raw, List<Contender> contenders, List<Result> peer) {
        StringBuilder out = new StringBuilder();
        out.append(
                String.format(
                        Locale.ROOT,
                        "%nRESULT N=%d per topic: %d messages, %.0f %% invalid, %d run(s) each%n",
                        perTopic,
                        perTopic * 3,
                        100 * BenchMessages.INVALID_SHARE,
                        contenders.get(0).results().size()));
        if (!Double.isNaN(raw)) {
            out.append(String.format(Locale.ROOT, "RESULT stand-in raw unordered bulk insert: %.0f docs/s%n", raw));
        }
        out.append(
                String.format(
                        Locale.ROOT,
                        "RESULT %-22s %12s %18s %14s%n",
                        "run",
                        "messages/s",
                        "CPU-s per million",
                        "peak RSS MiB"));
        for (int i = 0; i < contenders.get(0).results().size(); i++) {
            for (Contender contender : contenders) {
                row(out, contender.name() + ", run " + (i + 1), contender.results().get(i));
            }
            if (i < peer.size()) {
                row(out, "seed-style, run " + (i + 1), peer.get(i));
            }
        }
        List<double[]> medians = new ArrayList<>();
        for (Contender contender : contenders) {
            medians.add(medians(out, contender.name() + ", median", contender.results()));
        }
        if (!peer.isEmpty()) {
            double[] p = medians(out, "seed-style, median", peer);
            for (int i = 0; i < contenders.size(); i++) {
                ratio(out, contenders.get(i).name() + " / seed-style", medians.get(i), p);
            }
        }
        for (int i = 1; i < contenders.size(); i++) {
            ratio(out, contenders.get(i).name() + " / service", medians.get(i), medians.get(0));
        }
        for (Contender contender : contenders) {
            for (int i = 0; i < contender.results().size(); i++) {
                out.append("RESULT ")
                        .append(contender.name())
                        .append(" run ")
                        .append(i + 1)
                        .append(": ")
                        .append(contender.results().get(i).detail())
                        .append('\n');
            }
        }
        for (int i = 0; i < peer.size(); i++) {
            out.append("RESULT seed-style run ").append(i + 1).append(": ").append(peer.get(i).detail()).append('\n');
        }
        LOG.info(out);
    }

    /** Appends the ratios of two sets of medians (rate, CPU per million, RSS). */
    private static void ratio(StringBuilder out, String name, double[] of, double[] to) {
        out.append(
                String.format(
                        Locale.ROOT,
                        "RESULT %-22s %11.2fx %17.2fx %13.2fx%n",
                        name,
                        of[0] / to[0],
                        of[1] / to[1],
                        of[2] / to[2]));
    }

    /** Appends the medians of the runs (rate, CPU per million, RSS in MiB) and returns them. */
    private static double[] medians(StringBuilder out, String name, List<Result> results) {
        double[] m = {
            median(results, Result::rate),
            median(results, Result::cpuPerMillion),
            median(results, r -> r.peakRssKb() / 1024.0)
        };
        out.append(
                String.format(
                        Locale.ROOT, "RESULT %-22s %12.0f %18.2f %14.0f%n", name, m[0], m[1], m[2]));
        return m;
    }

    private static void row(StringBuilder out, String name, Result r) {
        out.append(
                String.format(
                        Locale.ROOT,
                        "RESULT %-22s %12.0f %18.2f %14.0f%n",
                        name,
                        r.rate(),
                        r.cpuPerMillion(),
                        r.peakRssKb() / 1024.0));
    }
}
