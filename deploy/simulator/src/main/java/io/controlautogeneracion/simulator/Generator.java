package io.controlautogeneracion.simulator;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's messages in event-time order (ties by device order), from a start instant on. Each
 * device reports on a grid of its period aligned to the epoch, offset by a phase of its site (a
 * site's gateway sends its devices' readings together); what it reports is a function of the seed,
 * the device and the instant, except the panels' energy counters, which integrate power from the
 * start (or from a saved {@link SimState}). A device offline in the {@link Outage} holds its
 * messages ({@link OfflineBuffers}) and sends them just before its first message after the outage:
 * only then does event time go back. Not thread-safe.
 */
final class Generator {
    private static final Logger LOG = LoggerFactory.getLogger(Generator.class);

    private static final Malformation[] MALFORMATIONS = Malformation.values();

    private final SimDevice[] devices;
    private final GeneratorConfig config;
    private final Noise noise;
    private final Readings readings;
    private final long[] next;
    private final int[] heap;
    private final long[] badStream;
    private final OfflineBuffers buffers;
    // The last grid instant taken from the heap: every reading before it is made (sent or
    // buffered), and so are those of this instant up to the device taken.
    private long instantMs;

    Generator(List<SimDevice> fleet, GeneratorConfig config, Instant from, SimState resume) {
        this.devices = fleet.toArray(SimDevice[]::new);
        this.config = config;
        this.noise = new Noise(config.seed());
        this.readings = new Readings(noise, config.faults(), devices, from, resume);
        this.next = new long[devices.length];
        this.heap = new int[devices.length];
        this.badStream = new long[devices.length];
        this.buffers = new OfflineBuffers(config.outage());
        long start = from.toEpochMilli();
        this.instantMs = start - 1;
        for (int i = 0; i < devices.length; i++) {
            badStream[i] = Noise.stream(devices[i].id(), "malformed");
            next[i] = gridCeil(i, start, config.periodMs(devices[i].kind(), start));
            heap[i] = i;
        }
        for (int i = devices.length / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
        if (resume != null) {
            restoreBuffers(resume);
        }
    }

    /**
     * Event time (ms) of the next message being released, else of the next reading due (which an
     * offline device will hold); Long.MAX_VALUE for an empty fleet.
     */
    long peek() {
        if (buffers.releasing()) {
            return buffers.nextReleasedMs();
        }
        return devices.length == 0 ? Long.MAX_VALUE : next[heap[0]];
    }

    /**
     * The next message to send: one being released, else the next reading before {@code untilMs} of
     * a device online; null when there is none.
     */
    Message next(long untilMs) {
        Message released = buffers.poll();
        if (released != null) {
            return released;
        }
        while (devices.length > 0 && next[heap[0]] < untilMs) {
            int i = heap[0];
            long t = next[i];
            next[i] = after(i, t);
            siftDown(0);
            instantMs = t;
            Message m = message(i, t);
            if (m != null && (m = buffers.pass(m)) != null) {
                return m;
            }
        }
        return null;
    }

    /**
     * The messages still due up to {@code eventMs}, or up to the instant the generator has reached
     * if later: the rest of a release and of that instant (devices of one site share their
     * instants), so a state saved after them never splits an instant or a release: a resumed run
     * starts just after it.
     */
    List<Message> restOf(long eventMs) {
        long at = Math.max(eventMs, instantMs);
        List<Message> rest = new ArrayList<>();
        Message m;
        while ((m = next(at + 1)) != null) {
            rest.add(m);
        }
        return rest;
    }

    /**
     * Where a resumed run continues: the last event time (the later of {@code lastEventMs} and the
     * instant the generator has reached: offline devices may have held readings after the last
     * message sent), the onsets, the counters and the messages held. Call it after {@link #restOf}
     * (or after {@link #next} found nothing more), not in the middle of a release.
     */
    SimState state(long lastEventMs) {
        if (buffers.releasing()) {
            throw new IllegalStateException("messages still being released: send restOf first");
        }
        return new SimState(
                Math.max(lastEventMs, instantMs),
                epochMilli(config.faults().onset()),
                epochMilli(config.outage().onset()),
                readings.counters(),
                buffers.state());
    }

    private void restoreBuffers(SimState resume) {
        Set<String> ids = Arrays.stream(devices).map(SimDevice::id).collect(Collectors.toSet());
        resume.buffered()
                .forEach(
                        (id, held) -> {
                            if (ids.contains(id)) {
                                buffers.restore(
                                        id, held.stream().map(SimState.Buffered::message).toList());
                            } else if (!held.isEmpty()) {
                                // The fleet changed between the runs: nobody is left to send them.
                                LOG.warn(
                                        "{} buffered {} messages but is not in the fleet any"
                                                + " more: dropped",
                                        id,
                                        held.size());
                            }
                        });
    }

    private static Long epochMilli(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    /**
     * Device {@code id}'s reading at {@code ms} garbled the given way, whatever the noise would
     * choose: one of each kind on demand ({@link Samples}); null when the device sends nothing
     * then. Like a reading from {@link #next}, it moves the device's energy counter on to {@code
     * ms}: ask for instants after those already taken.
     */
    Message garbled(String id, long ms, Malformation bad) {
        for (int i = 0; i < devices.length; i++) {
            if (devices[i].id().equals(id)) {
                List<String[]> fields = readings.fields(devices[i], i, ms);
                return fields == null ? null : message(i, fields, ms, bad);
            }
        }
        throw new IllegalArgumentException(id + " is not in the fleet");
    }

    private Message message(int i, long t) {
        List<String[]> fields = readings.fields(devices[i], i, t);
        if (fields == null) {
            return null;
        }
        Malformation bad = null;
        if (noise.uniform(badStream[i], t) < config.malformedShare()) {
            bad = MALFORMATIONS[(int) (noise.uniform(badStream[i] ^ 1, t) * MALFORMATIONS.length)];
        }
        return message(i, fields, t, bad);
    }

    private Message message(int i, List<String[]> fields, long t, Malformation bad) {
        SimDevice d = devices[i];
        String value = bad == null ? Malformation.render(fields) : bad.apply(d.kind(), fields, t);
        return new Message(d.kind(), config.topics().get(d.kind()), d.id(), value, t, bad);
    }

    private long after(int i, long t) {
        DeviceKind kind = devices[i].kind();
        long period = config.periodMs(kind, t);
        long n = gridCeil(i, t + 1, period);
        Instant live = config.liveFrom();
        if (live != null && t < live.toEpochMilli() && n >= live.toEpochMilli()) {
            // The back-fill grid ends here: go on on the live grid.
            n = gridCeil(i, live.toEpochMilli(), config.periodMs(kind, live.toEpochMilli()));
        }
        return n;
    }

    /** The first instant ≥ {@code ms} on device {@code i}'s grid of the given period. */
    private long gridCeil(int i, long ms, long period) {
        long phase = phase(i, period);
        return Math.floorDiv(ms - phase + period - 1, period) * period + phase;
    }

    private long phase(int i, long period) {
        SimDevice d = devices[i];
        String site = d.kind() == DeviceKind.WIND ? d.id() : d.owners().get(0).site().clientId();
        long bits = noise.bits(Noise.stream(site, "phase"), 0) >>> 1;
        // Whole seconds when the period allows: device clocks tick in seconds.
        return period >= 1000 ? (bits % (period / 1000)) * 1000 : bits % period;
    }

    private void siftDown(int pos) {
        int n = heap.length;
        int item = heap[pos];
        while (true) {
            int child = 2 * pos + 1;
            if (child >= n) {
                break;
            }
            if (child + 1 < n && before(heap[child + 1], heap[child])) {
                child++;
            }
            if (!before(heap[child], item)) {
                break;
            }
            heap[pos] = heap[child];
            pos = child;
        }
        heap[pos] = item;
    }

    private boolean before(int a, int b) {
        return next[a] < next[b] || (next[a] == next[b] && a < b);
    }
}
