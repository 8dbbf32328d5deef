package io.controlautogeneracion.simulator;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the site gateways of the devices offline in an {@link Outage} hold: each device's messages
 * in order, valid or malformed, released when the device is online again (the held ones oldest
 * first, then the message that found it online), as a gateway does after an internet outage. Not
 * thread-safe.
 */
final class OfflineBuffers {
    private static final Logger LOG = LoggerFactory.getLogger(OfflineBuffers.class);

    private final Outage outage;
    private final Map<String, Deque<Message>> held = new HashMap<>();
    private final Deque<Message> release = new ArrayDeque<>();

    OfflineBuffers(Outage outage) {
        this.outage = outage;
    }

    /**
     * Takes a device's message: holds it (and returns null) while the device is offline; else
     * returns what to send now: the message itself or, for a device that held messages, the first
     * of them (the others, then this message, come from {@link #poll}).
     */
    Message pass(Message m) {
        if (outage.offline(m.key(), m.eventMs())) {
            hold(m);
            return null;
        }
        Deque<Message> q = held.remove(m.key());
        if (q == null) {
            return m;
        }
        LOG.info(
                "{} back online at {}: sending its {} buffered messages first, event times {} to"
                        + " {}",
                m.key(),
                Instant.ofEpochMilli(m.eventMs()),
                q.size(),
                Instant.ofEpochMilli(q.getFirst().eventMs()),
                Instant.ofEpochMilli(q.getLast().eventMs()));
        release.addAll(q);
        release.add(m);
        return release.poll();
    }

    /** The next message of a release in progress, or null. */
    Message poll() {
        return release.poll();
    }

    boolean releasing() {
        return !release.isEmpty();
    }

    /** Event time (ms) of the next message of the release in progress. */
    long nextReleasedMs() {
        return release.getFirst().eventMs();
    }

    /** Gives device {@code id} back what it held when a run stopped. */
    void restore(String id, List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        held.computeIfAbsent(id, k -> new ArrayDeque<>()).addAll(messages);
        LOG.info(
                "{} offline: {} buffered messages restored, event times {} to {}",
                id,
                messages.size(),
                Instant.ofEpochMilli(messages.get(0).eventMs()),
                Instant.ofEpochMilli(messages.get(messages.size() - 1).eventMs()));
    }

    /** What each device holds, for a {@link SimState}. */
    Map<String, List<SimState.Buffered>> state() {
        Map<String, List<SimState.Buffered>> state = new HashMap<>();
        held.forEach((id, q) -> state.put(id, q.stream().map(SimState.Buffered::of).toList()));
        return state;
    }

    private void hold(Message m) {
        Deque<Message> q = held.get(m.key());
        if (q == null) {
            q = new ArrayDeque<>();
            held.put(m.key(), q);
            LOG.info(
                    "{} offline at {}: buffering its messages until {}",
                    m.key(),
                    Instant.ofEpochMilli(m.eventMs()),
                    Instant.ofEpochMilli(outage.endMs()));
        }
        q.add(m);
    }
}
