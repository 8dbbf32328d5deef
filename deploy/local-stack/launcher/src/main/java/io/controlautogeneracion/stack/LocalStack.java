package io.controlautogeneracion.stack;

import io.controlautogeneracion.druid.DruidClient;
import io.controlautogeneracion.druid.DruidException;
import io.controlautogeneracion.stack.druid.DruidCompaction;
import io.controlautogeneracion.stack.druid.DruidSupervisors;
import io.controlautogeneracion.stack.parts.CouchbaseStandInPart;
import io.controlautogeneracion.stack.parts.DashboardsPage;
import io.controlautogeneracion.stack.parts.DruidService;
import io.controlautogeneracion.stack.parts.FleetSimulator;
import io.controlautogeneracion.stack.parts.HourlyBatchScheduler;
import io.controlautogeneracion.stack.parts.KafkaBroker;
import io.controlautogeneracion.stack.parts.MongoStandInPart;
import io.controlautogeneracion.stack.parts.Services;
import io.controlautogeneracion.stack.parts.ZooKeeper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Starts, checks and stops the parts of the local stack in waves: parts of one wave start together
 * and the next wave starts when all of them are healthy. Stopping goes in the reverse order, so
 * Druid stops before ZooKeeper.
 */
public final class LocalStack {
    private static final Duration POLL = Duration.ofMillis(250);

    private final StackContext ctx;
    private final Set<Engine> engines;
    private final List<List<Part>> waves;
    private final boolean detach;
    private final Consumer<String> out;

    public LocalStack(StackConfig config, Set<Engine> engines, Consumer<String> out) {
        this.ctx = new StackContext(config);
        this.engines = Engine.withNeeds(engines);
        this.detach = Boolean.parseBoolean(config.get("detach"));
        this.out = out;
        this.waves = waves(this.engines);
    }

    private static List<List<Part>> waves(Set<Engine> engines) {
        List<Part> first = new ArrayList<>();
        if (engines.contains(Engine.DRUID)) {
            first.add(new ZooKeeper());
        }
        if (engines.contains(Engine.KAFKA)) {
            first.add(new KafkaBroker());
        }
        if (engines.contains(Engine.MONGODB)) {
            first.add(new MongoStandInPart());
        }
        if (engines.contains(Engine.COUCHBASE)) {
            first.add(new CouchbaseStandInPart());
        }
        // The second wave needs only the first: Druid and the services start together.
        List<Part> second = new ArrayList<>();
        if (engines.contains(Engine.DRUID)) {
            second.addAll(DruidService.all());
        }
        if (engines.contains(Engine.INGEST)) {
            second.add(Services.ingest());
        }
        if (engines.contains(Engine.CATALOG)) {
            second.add(Services.catalog());
        }
        // Jobs start last: the wind job enriches from the catalog the catalog service loads.
        List<Part> third = new ArrayList<>();
        if (engines.contains(Engine.WIND_JOB)) {
            third.add(Services.windJob());
        }
        if (engines.contains(Engine.LANDING_JOB)) {
            third.add(Services.landingJob());
        }
        if (engines.contains(Engine.HOURLY_BATCH)) {
            third.add(new HourlyBatchScheduler());
        }
        // The page only reads Druid, once its broker is up.
        if (engines.contains(Engine.DASHBOARDS)) {
            third.add(new DashboardsPage());
        }
        // The simulator comes last, once whatever reads its readings is running.
        List<Part> fourth = new ArrayList<>();
        if (engines.contains(Engine.SIMULATOR)) {
            fourth.add(new FleetSimulator());
        }
        List<List<Part>> waves = new ArrayList<>();
        for (List<Part> wave : List.of(first, second, third, fourth)) {
            if (!wave.isEmpty()) {
                waves.add(wave);
            }
        }
        return waves;
    }

    public StackContext context() {
        return ctx;
    }

    /** Starts whatever is not running yet; a running, healthy part is left as it is. */
    public void up() {
        for (List<Part> wave : waves) {
            startWave(wave);
        }
        if (engines.contains(Engine.DRUID)
                && Boolean.parseBoolean(ctx.config().get("druid.auto-compaction"))) {
            List<String> compacted = DruidCompaction.submitAll(ctx, druid());
            if (!compacted.isEmpty()) {
                out.accept("  ✓ Druid auto-compaction: " + String.join(", ", compacted));
            }
        }
        if (engines.contains(Engine.DRUID) && engines.contains(Engine.KAFKA)) {
            List<String> supervisors = DruidSupervisors.submitAll(ctx, druid());
            if (!supervisors.isEmpty()) {
                out.accept("  ✓ Druid Kafka supervisors: " + String.join(", ", supervisors));
            }
        }
    }

    private void startWave(List<Part> wave) {
        Map<Part, Long> pending = new LinkedHashMap<>();
        for (Part part : wave) {
            Optional<ProcessHandle> running = ManagedProcess.find(part, ctx);
            if (running.isPresent() && part.healthy(ctx)) {
                out.accept(
                        String.format(
                                "  ✓ %-18s already running (pid %d)",
                                part.name(), running.get().pid()));
                part.afterHealthy(ctx);
                continue;
            }
            if (running.isEmpty()) {
                start(part);
            }
            pending.put(part, System.nanoTime());
        }
        awaitHealthy(pending);
    }

    private void start(Part part) {
        for (int port : part.ports(ctx)) {
            if (Probes.listening(ctx.host(), port)) {
                throw new StackException(
                        part.name()
                                + " cannot start: port "
                                + port
                                + " on "
                                + ctx.host()
                                + " is taken by another process (change it in"
                                + " local-stack.properties)");
            }
        }
        try {
            part.prepare(ctx);
            ManagedProcess.start(part, ctx, detach, ctx.partDir(part.name()));
        } catch (IOException e) {
            throw new StackException(part.name() + " cannot start: " + e.getMessage(), e);
        }
        out.accept(
                String.format(
                        "  … %-18s starting (log %s)", part.name(), ctx.logFile(part.name())));
    }

    private void awaitHealthy(Map<Part, Long> pending) {
        List<String> failures = new ArrayList<>();
        Pause.until(
                () -> {
                    for (Part part : List.copyOf(pending.keySet())) {
                        Optional<ProcessHandle> process = ManagedProcess.find(part, ctx);
                        if (process.isEmpty()) {
                            failures.add(failure(part, "its process exited"));
                            pending.remove(part);
                        } else if (part.healthy(ctx)) {
                            double seconds = (System.nanoTime() - pending.remove(part)) / 1e9;
                            out.accept(
                                    String.format(
                                            "  ✓ %-18s healthy in %5.1f s   %s",
                                            part.name(), seconds, part.endpoint(ctx)));
                            part.afterHealthy(ctx);
                        }
                    }
                    return pending.isEmpty() || !failures.isEmpty();
                },
                ctx.config().startTimeout(),
                POLL);
        if (failures.isEmpty()) {
            // Only a timeout leaves parts pending without another part having failed first.
            pending.keySet()
                    .forEach(
                            part ->
                                    failures.add(
                                            failure(
                                                    part,
                                                    "not healthy after "
                                                            + ctx.config()
                                                                    .startTimeout()
                                                                    .toSeconds()
                                                            + " s")));
        }
        if (!failures.isEmpty()) {
            throw new StackException(String.join("\n", failures));
        }
    }

    private String failure(Part part, String why) {
        return part.name()
                + " failed to start: "
                + why
                + "; log "
                + ctx.logFile(part.name())
                + ", last lines:\n"
                + ManagedProcess.tail(ctx.logFile(part.name()), 15);
    }

    /** Stops every part this stack knows, Druid first and ZooKeeper last. */
    public void down() {
        if (engines.contains(Engine.DRUID) && engines.contains(Engine.KAFKA) && druidRunning()) {
            // Suspended tasks publish their segments and stop; the next "up" resumes the
            // supervisors
            // from the committed offsets, so nothing read from Kafka is lost or read twice.
            try {
                DruidClient druid = druid();
                druid.suspendAllSupervisors();
                boolean settled = druid.awaitNoActiveTasks(ctx.config().stopTimeout());
                out.accept(
                        settled
                                ? "  ✓ Druid Kafka supervisors suspended, their segments published"
                                : "  ! Druid tasks still running after the stop timeout; they"
                                        + " resume at the next up");
            } catch (DruidException e) {
                out.accept("  ! could not suspend Druid supervisors: " + e.getMessage());
            }
        }
        for (int i = waves.size() - 1; i >= 0; i--) {
            stopWave(waves.get(i));
        }
    }

    private boolean druidRunning() {
        return ManagedProcess.find(new DruidService("coordinator"), ctx).isPresent();
    }

    private void stopWave(List<Part> wave) {
        List<Part> running =
                wave.stream().filter(p -> ManagedProcess.find(p, ctx).isPresent()).toList();
        running.forEach(p -> ManagedProcess.find(p, ctx).ifPresent(ProcessHandle::destroy));
        for (Part part : running) {
            long start = System.nanoTime();
            boolean graceful = ManagedProcess.stop(part, ctx, ctx.config().stopTimeout());
            out.accept(
                    String.format(
                            "  ✓ %-18s stopped in %5.1f s%s",
                            part.name(),
                            (System.nanoTime() - start) / 1e9,
                            graceful ? "" : " (killed: it did not stop in time)"));
        }
    }

    /** One line per part: running or not, healthy or not, memory and address. */
    public List<String> status() {
        List<String> lines = new ArrayList<>();
        for (List<Part> wave : waves) {
            for (Part part : wave) {
                Optional<ProcessHandle> process = ManagedProcess.find(part, ctx);
                if (process.isEmpty()) {
                    lines.add(String.format("  ✗ %-18s stopped", part.name()));
                } else {
                    boolean healthy = part.healthy(ctx);
                    lines.add(
                            String.format(
                                    "  %s %-18s %-9s pid %-7d RSS %5d MiB   %s",
                                    healthy ? "✓" : "…",
                                    part.name(),
                                    healthy ? "healthy" : "starting",
                                    process.get().pid(),
                                    ManagedProcess.rssMiB(process.get()),
                                    part.endpoint(ctx)));
                }
            }
        }
        return lines;
    }

    /** A client of this stack's Druid. */
    public DruidClient druid() {
        return new DruidClient(
                URI.create(DruidService.url(ctx, "coordinator")),
                URI.create(DruidService.url(ctx, "broker")));
    }
}
