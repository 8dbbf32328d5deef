package io.controlautogeneracion.stack.drill;

import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.model.reading.ReadingParser;
import io.controlautogeneracion.stack.Engine;
import io.controlautogeneracion.stack.LocalStack;
import io.controlautogeneracion.stack.ManagedProcess;
import io.controlautogeneracion.stack.Part;
import io.controlautogeneracion.stack.Pause;
import io.controlautogeneracion.stack.StackConfig;
import io.controlautogeneracion.stack.StackContext;
import io.controlautogeneracion.stack.StackException;
import io.controlautogeneracion.stack.batch.HourlyBatchCommand;
import io.controlautogeneracion.stack.parts.CouchbaseStandInPart;
import io.controlautogeneracion.stack.parts.DruidService;
import io.controlautogeneracion.stack.parts.HourlyBatchScheduler;
import io.controlautogeneracion.stack.parts.KafkaBroker;
import io.controlautogeneracion.stack.parts.KafkaSecurity;
import io.controlautogeneracion.stack.parts.MongoStandInPart;
import io.controlautogeneracion.stack.parts.Services;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;

/**
 * The fault drill on a running local stack: the drill's fleet sends at a high rate while each part
 * in turn is killed with SIGKILL and restarted through the stack; then every store is checked
 * against what Kafka holds (MongoDB by offset, the landing files and Druid's wind seconds by
 * reading) and the hourly reports audited. Prints, per part killed, the time until it was healthy
 * and until every consumer had caught up, and what each store lost or duplicated meanwhile.
 */
public final class FaultDrill {
    /** The parts, in the order they are killed. */
    public static final List<Engine> PARTS =
            List.of(
                    Engine.INGEST,
                    Engine.WIND_JOB,
                    Engine.LANDING_JOB,
                    Engine.HOURLY_BATCH,
                    Engine.KAFKA,
                    Engine.MONGODB,
                    Engine.COUCHBASE);

    private static final Duration POLL = Duration.ofSeconds(1);

    /** ingest-service's database ({@code quarkus.mongodb.database}). */
    private static final String INGEST_DATABASE = "control_autogeneracion";

    public record Options(
            int rate, List<Engine> parts, Duration warmUp, Duration pause, Duration timeout) {}

    private record Recovery(
            String part, String note, double healthySeconds, double caughtUpSeconds) {}

    private final StackConfig config;
    private final StackContext ctx;
    private final PrintWriter out;

    public FaultDrill(StackConfig config, PrintWriter out) {
        this.config = config;
        this.ctx = new StackContext(config);
        this.out = out;
    }

    public int run(Options options) throws InterruptedException {
        for (Engine engine : EnumSet.allOf(Engine.class)) {
            if (engine != Engine.SIMULATOR
                    && engine != Engine.DRUID
                    && engine != Engine.DASHBOARDS
                    && ManagedProcess.find(part(engine), ctx).isEmpty()) {
                throw new StackException(
                        "the drill needs the whole stack running: "
                                + name(engine)
                                + " is not (./stack up)");
            }
        }
        // The drill is the operator's: it reads every device topic and every group's offsets.
        Map<String, Object> client = KafkaSecurity.clientProperties(ctx, KafkaSecurity.ADMIN);
        try (KafkaProgress kafka = KafkaProgress.open(client)) {
            Map<TopicPartition, Long> from = kafka.endOffsets();
            Instant start = Instant.now();
            Phases phases = new Phases(start.toEpochMilli());
            List<Recovery> recoveries = new ArrayList<>();
            say(
                    "drill: %d messages/s from %s, then %s killed in turn",
                    options.rate(),
                    DrillProducer.PREFIX + "*",
                    options.parts().stream()
                            .map(FaultDrill::name)
                            .collect(Collectors.joining(", ")));
            DrillProducer producer = new DrillProducer(client, options.rate());
            try {
                producer.start();
                await("warm-up", () -> false, options.warmUp());
                for (Engine engine : options.parts()) {
                    recoveries.add(killAndRestart(engine, kafka, phases, options, producer));
                    await("pause", () -> false, options.pause());
                }
                producer.stop();
            } finally {
                producer.close();
            }
            Instant end = Instant.now();
            Map<TopicPartition, Long> to = kafka.endOffsets();
            say(
                    "producer stopped: %d sent, %d acknowledged, %d failed%s",
                    producer.sent(),
                    producer.acknowledged(),
                    producer.failed(),
                    producer.failed() > 0 ? " (" + producer.lastFailure() + ")" : "");
            if (!await(
                    "every consumer at the end of the drill",
                    () -> kafka.caughtUp(to),
                    options.timeout())) {
                say("not every consumer caught up within %s: %s", options.timeout(), kafka.lag(to));
            }
            KafkaTruth truth = KafkaTruth.read(client, from, to, ReadingParser.withDefaults());
            say(
                    "Kafka holds %d messages in the drill's range, %d drill readings, %d drill"
                            + " anemometer seconds",
                    truth.messages(), truth.readings.size(), truth.windSeconds.size());
            int expectedLanded = truth.readings.values().stream().mapToInt(Integer::intValue).sum();
            await(
                    "the landing files",
                    () ->
                            StoreChecks.landed(landingDir(), start.minusSeconds(3 * 3600), end)
                                            .values()
                                            .stream()
                                            .mapToInt(Integer::intValue)
                                            .sum()
                                    >= expectedLanded,
                    options.timeout());
            DruidClient druid =
                    new DruidClient(
                            URI.create(DruidService.url(ctx, "coordinator")),
                            URI.create(DruidService.url(ctx, "broker")));
            Instant windFrom = start.truncatedTo(ChronoUnit.SECONDS);
            Instant windTo = end.plusSeconds(2);
            long expectedWind = truth.windSeconds.values().stream().mapToLong(s -> s[0]).sum();
            await(
                    "Druid's wind_reading",
                    () ->
                            StoreChecks.windRows(druid, windFrom, windTo).values().stream()
                                            .mapToLong(r -> r[0])
                                            .sum()
                                    >= expectedWind,
                    options.timeout());
            List<Tally> tallies =
                    List.of(
                            StoreChecks.mongo(
                                    MongoStandInPart.connectionString(ctx),
                                    INGEST_DATABASE,
                                    truth,
                                    phases,
                                    start.minusSeconds(10)),
                            StoreChecks.landing(
                                    landingDir(),
                                    truth,
                                    phases,
                                    start,
                                    start.minusSeconds(3 * 3600),
                                    end),
                            StoreChecks.wind(druid, truth, phases, windFrom, windTo));
            int audit = audit(start, options.timeout());
            print(recoveries, tallies, phases, audit);
            boolean clean =
                    tallies.stream().allMatch(t -> t.totalLost() == 0 && t.totalDuplicated() == 0);
            return clean && audit == 0 && producer.failed() == 0 ? 0 : 1;
        }
    }

    private Recovery killAndRestart(
            Engine engine,
            KafkaProgress kafka,
            Phases phases,
            Options options,
            DrillProducer producer)
            throws InterruptedException {
        Part part = part(engine);
        ProcessHandle process =
                ManagedProcess.find(part, ctx)
                        .orElseThrow(() -> new StackException(name(engine) + " is not running"));
        String note = "";
        if (engine == Engine.HOURLY_BATCH) {
            // late readings for the hour before make the scheduler report it again; kill it in
            // the middle of that run (a child JVM loading Druid)
            producer.sendLate(Instant.now());
            boolean running =
                    await(
                            "a batch run in progress",
                            () ->
                                    process.descendants()
                                            .anyMatch(
                                                    c ->
                                                            c.info()
                                                                    .startInstant()
                                                                    .map(
                                                                            s ->
                                                                                    s.isBefore(
                                                                                            Instant
                                                                                                    .now()
                                                                                                    .minusSeconds(
                                                                                                            15)))
                                                                    .orElse(false)),
                            options.timeout());
            note = running ? "in the middle of a run" : "no run in progress";
        }
        long killed = System.currentTimeMillis();
        phases.begin(name(engine), killed);
        say(
                "kill -9 %s (pid %d)%s",
                name(engine), process.pid(), note.isEmpty() ? "" : ", " + note);
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException(name(engine) + " survived SIGKILL: " + e);
        }
        new LocalStack(config, EnumSet.of(engine), line -> {}).up();
        if (engine == Engine.COUCHBASE) {
            // the stand-in keeps its documents in memory: catalog-service loads the catalog again
            ManagedProcess.stop(Services.catalog(), ctx, Duration.ofSeconds(30));
            new LocalStack(config, EnumSet.of(Engine.CATALOG), line -> {}).up();
            note = "catalog-service restarted to load the catalog again";
        }
        double healthy = (System.currentTimeMillis() - killed) / 1000.0;
        Map<TopicPartition, Long> target = kafka.endOffsets();
        boolean caught =
                await(
                        "every consumer past what was sent until " + name(engine) + " was back",
                        () -> kafka.caughtUp(target),
                        options.timeout());
        double caughtUp = caught ? (System.currentTimeMillis() - killed) / 1000.0 : Double.NaN;
        say(
                "  %s healthy after %.1f s, every consumer caught up after %s",
                name(engine),
                healthy,
                caught ? String.format("%.1f s", caughtUp) : "more than " + options.timeout());
        return new Recovery(name(engine), note, healthy, caughtUp);
    }

    /**
     * The audit of the reports from the hour before the drill on, repeated until it passes or the
     * timeout ends (the scheduler reports again the hour whose run was killed): exit code, 0 clean.
     */
    private int audit(Instant start, Duration timeout) throws InterruptedException {
        Instant from = start.truncatedTo(ChronoUnit.HOURS).minus(2, ChronoUnit.HOURS);
        Instant to = Instant.now().truncatedTo(ChronoUnit.HOURS);
        List<String> command =
                HourlyBatchCommand.audit(
                        ctx, List.of("--from", from.toString(), "--to", to.toString()));
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            java.nio.file.Path log = java.nio.file.Files.createTempFile("drill-audit", ".log");
            int code;
            do {
                code =
                        new ProcessBuilder(command)
                                .redirectErrorStream(true)
                                .redirectOutput(log.toFile())
                                .start()
                                .waitFor();
            } while (code != 0
                    && System.nanoTime() < deadline
                    && !Pause.until(() -> false, Duration.ofSeconds(30), POLL));
            say("audit of the reports %s/%s (exit %d):", from, to, code);
            java.nio.file.Files.readAllLines(log).forEach(line -> say("  %s", line));
            java.nio.file.Files.deleteIfExists(log);
            return code;
        } catch (IOException e) {
            throw new StackException("cannot run the audit: " + e.getMessage(), e);
        }
    }

    private void print(List<Recovery> recoveries, List<Tally> tallies, Phases phases, int audit) {
        out.println();
        out.printf("%-14s %-52s %10s %12s", "part killed", "note", "healthy", "caught up");
        for (Tally t : tallies) {
            out.printf("  %-22s", shortName(t.store()) + " lost/dup");
        }
        out.println();
        for (int phase = 0; phase < phases.size(); phase++) {
            Recovery r = phase == 0 ? null : recoveries.get(phase - 1);
            out.printf(
                    "%-14s %-52s %10s %12s",
                    phases.name(phase),
                    r == null ? "" : r.note(),
                    r == null ? "" : String.format("%.1f s", r.healthySeconds()),
                    r == null
                            ? ""
                            : Double.isNaN(r.caughtUpSeconds())
                                    ? "no"
                                    : String.format("%.1f s", r.caughtUpSeconds()));
            for (Tally t : tallies) {
                out.printf(
                        "  %-22s",
                        t.lost(phase) + " / " + t.duplicated(phase) + " of " + t.checked(phase));
            }
            out.println();
        }
        out.printf("%-14s %-52s %10s %12s", "total", "", "", "");
        for (Tally t : tallies) {
            out.printf(
                    "  %-22s",
                    t.totalLost() + " / " + t.totalDuplicated() + " of " + t.totalChecked());
        }
        out.println();
        tallies.forEach(t -> out.printf("  %s: %s%n", shortName(t.store()), t.store()));
        out.printf(
                "reports (audit): %s%n",
                audit == 0
                        ? "consistent and reported from what is landed"
                        : "VIOLATIONS (exit " + audit + ")");
        out.flush();
    }

    private static String shortName(String store) {
        return store.startsWith("MongoDB")
                ? "mongodb"
                : store.startsWith("landing") ? "landing" : "wind";
    }

    private boolean await(String what, java.util.function.BooleanSupplier done, Duration timeout) {
        return Pause.until(done, timeout, POLL);
    }

    private java.nio.file.Path landingDir() {
        return Services.landingDir(ctx);
    }

    private void say(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }

    static String name(Engine engine) {
        return engine.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    static Part part(Engine engine) {
        return switch (engine) {
            case KAFKA -> new KafkaBroker();
            case MONGODB -> new MongoStandInPart();
            case COUCHBASE -> new CouchbaseStandInPart();
            case INGEST -> Services.ingest();
            case CATALOG -> Services.catalog();
            case WIND_JOB -> Services.windJob();
            case LANDING_JOB -> Services.landingJob();
            case HOURLY_BATCH -> new HourlyBatchScheduler();
            case SIMULATOR -> new io.controlautogeneracion.stack.parts.FleetSimulator();
            case DRUID -> throw new IllegalArgumentException("the drill does not kill Druid");
            case DASHBOARDS ->
                    throw new IllegalArgumentException(
                            "the drill does not kill the dashboards page");
        };
    }

    static Optional<Engine> engine(String name) {
        return EnumSet.allOf(Engine.class).stream().filter(e -> name(e).equals(name)).findFirst();
    }
}
