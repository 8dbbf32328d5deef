package io.controlautogeneracion.simulator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.KafkaException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * The device fleet simulator: the demo fleet's readings to Kafka (or JSON lines), back-filling the
 * past days at full speed in event-time order and then going on live, in real time or faster.
 * Options in {@link SimulatorArguments} ({@code --help}); the physics in {@link Readings}, {@link
 * Sky}, {@link Wind}.
 */
public final class Simulator {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private final SimulatorOptions options;
    private final List<SimDevice> fleet;
    private final MessageSink sink;
    private final Clock clock;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final SentCounts sent = new SentCounts();

    Simulator(SimulatorOptions options, List<SimDevice> fleet, MessageSink sink, Clock clock) {
        options.checkOffline(fleet);
        this.options = options;
        this.fleet = fleet;
        this.sink = sink;
        this.clock = clock;
    }

    public static void main(String[] args) {
        CommandLine cli = SimulatorArguments.commandLine();
        SimulatorOptions options;
        try {
            cli.parseArgs(args);
            if (cli.isUsageHelpRequested()) {
                cli.usage(System.out);
                return;
            }
            options = cli.<SimulatorArguments>getCommand().options();
        } catch (ParameterException | IllegalArgumentException e) {
            System.err.println("simulator: " + e.getMessage());
            cli.usage(System.err);
            System.exit(2);
            return;
        }
        Simulator simulator;
        try {
            List<SimDevice> fleet =
                    DemoFleet.multiplied(DemoFleet.load(options.fleet()), options.devices());
            try {
                options.checkOffline(fleet);
            } catch (IllegalArgumentException e) {
                System.err.println("simulator: " + e.getMessage());
                System.exit(2);
                return;
            }
            MessageSink sink = sink(options.bootstrap(), options.out(), options.producerConfig());
            simulator = new Simulator(options, fleet, sink, Clock.systemUTC());
        } catch (SimulatorException | KafkaException e) {
            LOG.error("simulator cannot start: {}", e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(
                        new Thread(
                                () -> {
                                    simulator.stop();
                                    try {
                                        done.await(20, TimeUnit.SECONDS);
                                    } catch (InterruptedException e) {
                                        Thread.currentThread().interrupt();
                                    }
                                },
                                "simulator-stop"));
        try {
            simulator.run();
        } catch (SimulatorException | KafkaException e) {
            LOG.error("simulator stopped: {}", e.getMessage());
            System.exit(1);
        } finally {
            done.countDown();
        }
    }

    /**
     * JSON lines into {@code out} ({@code -}: stdout) when it is given, else a Kafka producer of
     * {@code bootstrap} with the settings of {@code producerConfig}.
     */
    static MessageSink sink(String bootstrap, Path out, Path producerConfig) {
        if (out == null) {
            return KafkaSink.connect(bootstrap, producerConfig);
        }
        try {
            Writer w =
                    out.toString().equals("-")
                            ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                            : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
            return new JsonLinesSink(new BufferedWriter(w, 1 << 16));
        } catch (IOException e) {
            throw new SimulatorException("cannot write " + out + ": " + e, e);
        }
    }

    /** Asks a running simulation to stop after the message it is sending. */
    void stop() {
        stop.countDown();
    }

    /** Runs the whole simulation: a fixed range, or back-fill then live. */
    void run() {
        try (sink) {
            if (options.from() != null) {
                Generator g = generator(options.from(), null, null);
                emit(g, options.from(), options.to().toEpochMilli(), "range");
                return;
            }
            Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
            SimState saved = SimState.read(options.stateFile());
            Instant from =
                    now.minus(Duration.ofMillis(Math.round(options.backfillDays() * 86_400_000)));
            if (saved != null && saved.lastEventMs() + 1 > from.toEpochMilli()) {
                from = Instant.ofEpochMilli(saved.lastEventMs() + 1);
                LOG.info(
                        "resuming after {} (state {})",
                        Instant.ofEpochMilli(saved.lastEventMs()),
                        options.stateFile());
            }
            Generator g = generator(from, now, saved);
            LOG.info(
                    "simulator started: {} devices, seed {}, back-fill [{}, {}), then live at speed"
                            + " {}",
                    fleet.size(),
                    options.seed(),
                    from,
                    now,
                    options.speed());
            if (from.isBefore(now)) {
                long started = System.nanoTime();
                emit(g, from, now.toEpochMilli(), "back-fill");
                double seconds = (System.nanoTime() - started) / 1e9;
                LOG.info(
                        "back-fill done: [{}, {}) {} messages in {} s ({} messages/s)",
                        from,
                        now,
                        total(),
                        String.format(Locale.ROOT, "%.1f", seconds),
                        String.format(Locale.ROOT, "%.0f", total() / Math.max(seconds, 1e-3)));
            }
            if (stop.getCount() > 0) {
                // After a stop in the back-fill, its state is saved: the live phase would claim
                // (and save) the back-fill's end.
                live(g, now);
            }
        }
    }

    private Generator generator(Instant from, Instant liveFrom, SimState saved) {
        Instant onset =
                saved != null && saved.faultOnsetMs() != null
                        ? Instant.ofEpochMilli(saved.faultOnsetMs())
                        : from.plus(options.faultAfter());
        Faults faults =
                new Faults(onset, options.faultPanel(), options.faultLight(), options.faultWind());
        Instant offlineOnset =
                saved != null && saved.offlineOnsetMs() != null
                        ? Instant.ofEpochMilli(saved.offlineOnsetMs())
                        : from.plus(options.offlineAfter());
        Outage outage =
                new Outage(Set.copyOf(options.offline()), offlineOnset, options.offlineFor());
        GeneratorConfig config =
                new GeneratorConfig(
                        options.seed(),
                        options.scaled(options.period()),
                        options.scaled(options.backfillPeriod()),
                        liveFrom,
                        options.malformed(),
                        faults,
                        options.topics(),
                        outage);
        return new Generator(fleet, config, from, saved);
    }

    /** Sends every message before {@code untilMs} as fast as the sink takes them. */
    private void emit(Generator g, Instant from, long untilMs, String phase) {
        long wallStart = System.nanoTime();
        long lastReport = wallStart;
        long lastEvent = from.toEpochMilli() - 1;
        long count = 0;
        Message m;
        while (stop.getCount() > 0 && (m = g.next(untilMs)) != null) {
            send(m);
            // Event time goes back while an offline device sends what it buffered.
            lastEvent = Math.max(lastEvent, m.eventMs());
            if ((++count & 0xfff) == 0 && System.nanoTime() - lastReport > progressNanos()) {
                lastReport = System.nanoTime();
                double share =
                        (double) (lastEvent - from.toEpochMilli())
                                / (untilMs - from.toEpochMilli());
                LOG.info(
                        "{} {} % (event time {}): {} messages, {} messages/s",
                        phase,
                        String.format(Locale.ROOT, "%.0f", 100 * share),
                        Instant.ofEpochMilli(lastEvent),
                        total(),
                        String.format(
                                Locale.ROOT, "%.0f", count / ((lastReport - wallStart) / 1e9)));
                saveAfter(g, lastEvent);
            }
        }
        if (stop.getCount() > 0) {
            save(g, untilMs - 1);
        } else {
            saveAfter(g, lastEvent);
        }
    }

    /**
     * Sends each message when its event time comes: event time runs from {@code anchor} at {@code
     * speed} times the wall clock since that same instant, so after a back-fill the live phase
     * first catches up at full speed with what came due meanwhile.
     */
    private void live(Generator g, Instant anchor) {
        long anchorWall = anchor.toEpochMilli();
        long end =
                options.duration() == null
                        ? Long.MAX_VALUE
                        : anchorWall + options.duration().toMillis();
        long lastReport = anchorWall;
        SentCounts before = sent.snapshot();
        long lastEvent = anchor.toEpochMilli() - 1;
        while (stop.getCount() > 0 && clock.millis() < end) {
            long simNow =
                    anchor.toEpochMilli()
                            + Math.round((clock.millis() - anchorWall) * options.speed());
            Message m;
            while (stop.getCount() > 0 && (m = g.next(simNow + 1)) != null) {
                send(m);
                lastEvent = Math.max(lastEvent, m.eventMs());
            }
            long wall = clock.millis();
            if (wall - lastReport >= options.progressEvery().toMillis()) {
                double seconds = (wall - lastReport) / 1000.0;
                LOG.info(
                        "live (event time {}): {} messages/s ({}), {} messages, {} malformed, {}"
                                + " failed",
                        Instant.ofEpochMilli(lastEvent),
                        String.format(Locale.ROOT, "%.1f", sent.rate(before, seconds)),
                        sent.ratesPerTopic(before, seconds, options.topics()),
                        total(),
                        sent.malformed(),
                        sink.failures());
                before = sent.snapshot();
                lastReport = wall;
                saveAfter(g, lastEvent);
            }
            long nextWall =
                    anchorWall
                            + (long)
                                    Math.ceil((g.peek() - anchor.toEpochMilli()) / options.speed());
            long wait = Math.max(1, Math.min(nextWall - clock.millis(), 1000));
            try {
                if (stop.await(wait, TimeUnit.MILLISECONDS)) {
                    break;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        saveAfter(g, lastEvent);
    }

    /**
     * Sends what is left of instant {@code lastEventMs} (or of the later one the generator reached)
     * and of a release of buffered messages, then saves the state just after it.
     */
    private void saveAfter(Generator g, long lastEventMs) {
        g.restOf(lastEventMs).forEach(this::send);
        save(g, lastEventMs);
    }

    private void send(Message m) {
        sink.send(m);
        sent.add(m);
    }

    private void save(Generator g, long lastEventMs) {
        if (options.stateFile() == null) {
            return;
        }
        // The state may only claim what Kafka has acknowledged.
        sink.flush();
        g.state(lastEventMs).write(options.stateFile());
    }

    private long progressNanos() {
        return options.progressEvery().toNanos();
    }

    long total() {
        return sent.total();
    }
}
