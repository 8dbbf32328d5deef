package io.controlautogeneracion.pipelines.batch;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The hourly batch's durable memory of which hours are reported, from what, and which are dirty or
 * failed ({@code <state>/hours.json}): the scheduler decides from it what is due, every run records
 * what it computed, and the audit and {@code ./stack figures} read it. Updates take a file lock, so
 * a run started by hand and the scheduler never lose each other's writes.
 */
public final class HourLedger {
    private static final ObjectMapper JSON =
            new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .enable(SerializationFeature.INDENT_OUTPUT);

    /** What the ledger knows about one hour. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hour(
            @JsonProperty("status") Status status,
            @JsonProperty("panel") String panel,
            @JsonProperty("light") String light,
            @JsonProperty("before") String before,
            @JsonProperty("after") String after,
            @JsonProperty("reported_at") Instant reportedAt,
            @JsonProperty("attempts") int attempts,
            @JsonProperty("next_attempt") Instant nextAttempt,
            @JsonProperty("error") String error) {

        /** An hour reported from these inputs. */
        public static Hour reported(
                String panel, String light, String before, String after, Instant at) {
            return new Hour(Status.REPORTED, panel, light, before, after, at, 0, null, null);
        }

        Hour dirty() {
            return new Hour(
                    Status.DIRTY, panel, light, before, after, reportedAt, attempts, null, null);
        }

        Hour failed(String why, Instant now, Duration firstBackoff, Duration maxBackoff) {
            int n = attempts + 1;
            Duration wait = firstBackoff.multipliedBy(1L << Math.min(20, n - 1));
            if (wait.compareTo(maxBackoff) > 0) {
                wait = maxBackoff;
            }
            return new Hour(
                    Status.FAILED, panel, light, before, after, reportedAt, n, now.plus(wait), why);
        }
    }

    /** Where an hour stands. */
    public enum Status {
        @JsonProperty("reported")
        REPORTED,
        @JsonProperty("dirty")
        DIRTY,
        @JsonProperty("failed")
        FAILED
    }

    /**
     * A counter gap a run found: a panel's two consecutive readings further apart than the hours
     * next to a run, by their times. The hours between them get its energy.
     */
    public record Gap(
            @JsonProperty("panel") String panelId,
            @JsonProperty("from") Instant from,
            @JsonProperty("to") Instant to) {

        /** Whether the two gaps are of one panel and share some time. */
        boolean overlaps(Gap other) {
            return panelId.equals(other.panelId)
                    && from.isBefore(other.to)
                    && other.from.isBefore(to);
        }
    }

    /** The ledger's content. */
    public record State(
            @JsonProperty("hours") TreeMap<Instant, Hour> hours,
            @JsonProperty("gaps") Set<Gap> gaps) {
        public State {
            hours = hours == null ? new TreeMap<>() : new TreeMap<>(hours);
            gaps = gaps == null ? new LinkedHashSet<>() : new LinkedHashSet<>(gaps);
        }

        /**
         * Records a gap a run found, in place of the panel's gaps it overlaps (a reading landed
         * late inside an older gap splits it); true when it is new.
         */
        public boolean addGap(Gap gap) {
            if (gaps.contains(gap)) {
                return false;
            }
            gaps.removeIf(gap::overlaps);
            gaps.add(gap);
            return true;
        }

        /** Marks an hour dirty (due again), if the ledger knows it. */
        public void markDirty(Instant hour) {
            Hour h = hours.get(hour);
            if (h != null && h.status() != Status.FAILED) {
                hours.put(hour, h.dirty());
            }
        }

        /** Forgets hours (and gaps that ended) before {@code oldest}. */
        void forgetBefore(Instant oldest) {
            hours.headMap(oldest).clear();
            gaps.removeIf(g -> g.to().isBefore(oldest));
        }
    }

    private final Path file;
    private final Path lock;

    public HourLedger(Path stateDir) {
        this.file = stateDir.resolve("hours.json");
        this.lock = stateDir.resolve("hours.lock");
    }

    public Path file() {
        return file;
    }

    /** The ledger as it is now. */
    public State read() {
        return locked(s -> s);
    }

    /**
     * Applies {@code change} under the lock and saves it, forgetting hours before {@code oldest}.
     */
    public State update(Instant oldest, Consumer<State> change) {
        return locked(
                s -> {
                    change.accept(s);
                    if (oldest != null) {
                        s.forgetBefore(oldest);
                    }
                    write(s);
                    return s;
                });
    }

    /** Records a failure of {@code hours}: tried again after a backoff that doubles each time. */
    public void fail(
            List<Instant> hours,
            String why,
            Instant now,
            Duration firstBackoff,
            Duration maxBackoff) {
        update(
                null,
                s -> {
                    for (Instant h : hours) {
                        Hour known = s.hours().get(h);
                        Hour base =
                                known == null
                                        ? new Hour(
                                                Status.FAILED,
                                                null,
                                                null,
                                                null,
                                                null,
                                                null,
                                                0,
                                                null,
                                                null)
                                        : known;
                        s.hours().put(h, base.failed(why, now, firstBackoff, maxBackoff));
                    }
                });
    }

    private <T> T locked(Function<State, T> action) {
        try {
            Files.createDirectories(file.getParent());
            try (FileChannel channel =
                            FileChannel.open(
                                    lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock held = channel.lock()) {
                return action.apply(load());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the hour ledger " + file, e);
        }
    }

    private State load() throws IOException {
        if (!Files.isRegularFile(file)) {
            return new State(new TreeMap<>(), new LinkedHashSet<>());
        }
        return JSON.readValue(file.toFile(), State.class);
    }

    private void write(State s) {
        try {
            RowFiles.writeLines(file, List.of(JSON.writeValueAsString(s)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the hour ledger " + file, e);
        }
    }

    /** Counts of the hours per status, for figures. */
    public static Map<Status, Integer> counts(State s) {
        Map<Status, Integer> counts = new TreeMap<>();
        for (Status st : Status.values()) {
            counts.put(st, 0);
        }
        s.hours().values().forEach(h -> counts.merge(h.status(), 1, Integer::sum));
        return counts;
    }
}
