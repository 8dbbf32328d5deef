package io.controlautogeneracion.simulator;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The fleet's messages in event-time order (ties by device order), from a start instant on. Each
 * device reports on a grid of its period aligned to the epoch, offset by a phase of its site (a
 * site's gateway sends its devices' readings together); what it reports is a function of the seed,
 * the device and the instant, except the panels' energy counters, which integrate power from the
 * start (or from a saved {@link SimState}). Not thread-safe.
 */
final class Generator {

    private static final Malformation[] MALFORMATIONS = Malformation.values();

    private final SimDevice[] devices;
    private final GeneratorConfig config;
    private final Noise noise;
    private final Readings readings;
    private final long[] next;
    private final int[] heap;
    private final long[] badStream;

    Generator(List<SimDevice> fleet, GeneratorConfig config, Instant from, SimState resume) {
        this.devices = fleet.toArray(SimDevice[]::new);
        this.config = config;
        this.noise = new Noise(config.seed());
        this.readings = new Readings(noise, config.faults(), devices, from, resume);
        this.next = new long[devices.length];
        this.heap = new int[devices.length];
        this.badStream = new long[devices.length];
        long start = from.toEpochMilli();
        for (int i = 0; i < devices.length; i++) {
            badStream[i] = Noise.stream(devices[i].id(), "malformed");
            next[i] = gridCeil(i, start, config.periodMs(devices[i].kind(), start));
            heap[i] = i;
        }
        for (int i = devices.length / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
    }

    /** Event time of the next message (ms), or Long.MAX_VALUE for an empty fleet. */
    long peek() {
        return devices.length == 0 ? Long.MAX_VALUE : next[heap[0]];
    }

    /** The next message with an event time before {@code untilMs}, or null when there is none. */
    Message next(long untilMs) {
        while (devices.length > 0 && next[heap[0]] < untilMs) {
            int i = heap[0];
            long t = next[i];
            next[i] = after(i, t);
            siftDown(0);
            Message m = message(i, t);
            if (m != null) {
                return m;
            }
        }
        return null;
    }

    /**
     * The messages still due at {@code eventMs} (devices of one site share their instants), so a
     * state saved after them never splits an instant: a resumed run starts just after it.
     */
    List<Message> restOf(long eventMs) {
        List<Message> rest = new ArrayList<>();
        Message m;
        while (peek() == eventMs && (m = next(eventMs + 1)) != null) {
            rest.add(m);
        }
        return rest;
    }

    /** Where a resumed run continues: counters and the last event time. */
    SimState state(long lastEventMs) {
        return readings.state(lastEventMs);
    }

    private Message message(int i, long t) {
        SimDevice d = devices[i];
        List<String[]> fields = readings.fields(d, i, t);
        if (fields == null) {
            return null;
        }
        String topic = config.topics().get(d.kind());
        if (noise.uniform(badStream[i], t) < config.malformedShare()) {
            Malformation bad =
                    MALFORMATIONS[
                            (int) (noise.uniform(badStream[i] ^ 1, t) * MALFORMATIONS.length)];
            return new Message(d.kind(), topic, d.id(), bad.apply(d.kind(), fields, t), t, bad);
        }
        return new Message(d.kind(), topic, d.id(), Malformation.render(fields), t, null);
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
