package io.controlautogeneracion.ingest.enrich;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.controlautogeneracion.ingest.IngestConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the background pass has to look at, kept in memory and bounded: devices whose documents may
 * not carry what the catalog says now ("dirty": stored {@code catalog_unavailable}, or enriched
 * from a catalog view other than the last one seen), devices first seen by this process (to compare
 * with the view their documents were last brought in line with), and whether the store itself must
 * be scanned for documents left {@code catalog_unavailable} (at start, and when the dirty set
 * overflows).
 */
@ApplicationScoped
public class DeviceViews {

    /** A dirty device and the generation of its last marking. */
    public record Dirty(DeviceKey device, long generation) {}

    private final int max;
    private final Cache<DeviceKey, String> seen;
    private final Map<DeviceKey, Long> dirty = new ConcurrentHashMap<>();
    private final Set<DeviceKey> toVerify = ConcurrentHashMap.newKeySet();
    private final AtomicLong generations = new AtomicLong();
    private volatile boolean scanStore = true;
    // Generations of "documents were stored catalog_unavailable": readings [0], alarms [1].
    private final AtomicLong[] unavailable = {new AtomicLong(1), new AtomicLong(1)};
    private final long[] unavailableDone = {0, 0};

    // Counts the writes to (and evictions from) the views seen, see changes().
    private final AtomicLong changes = new AtomicLong();

    public DeviceViews(IngestConfig config) {
        this.max = config.enrichment().maxPendingDevices();
        this.seen =
                Caffeine.newBuilder()
                        .maximumSize(max)
                        .evictionListener((device, view, cause) -> changes.incrementAndGet())
                        .build();
    }

    /**
     * A number that moves whenever a device's view seen is written or evicted: a caller that
     * recorded a view with {@link #storedWith} when it read this number need not record the same
     * view again while the number stays the same.
     */
    public long changes() {
        return changes.get();
    }

    /**
     * Documents of {@code device} were stored with the view {@code viewRev}: a view other than the
     * last one seen makes it dirty; a device not seen before is verified against the store.
     */
    public void storedWith(DeviceKey device, String viewRev) {
        // The usual case, the view already seen, without a write to the cache.
        if (viewRev.equals(seen.getIfPresent(device))) {
            return;
        }
        changes.incrementAndGet();
        String previous = seen.asMap().put(device, viewRev);
        if (previous == null) {
            if (toVerify.size() < max) {
                toVerify.add(device);
            }
        } else if (!previous.equals(viewRev)) {
            markDirty(device);
        }
    }

    /**
     * The device's documents need the pass (a changed view, or never enriched). Beyond the bound
     * the device is left to the sweep, which compares recorded views.
     */
    public void markDirty(DeviceKey device) {
        if (dirty.size() >= max && !dirty.containsKey(device)) {
            return;
        }
        dirty.put(device, generations.incrementAndGet());
    }

    /** Documents were stored {@code catalog_unavailable}: the pass has some to enrich. */
    public void unavailableStored() {
        unavailable[0].incrementAndGet();
        unavailable[1].incrementAndGet();
    }

    /**
     * The generation of {@code catalog_unavailable} documents in the readings or alarms, or 0 when
     * the pass has found none left since the last were stored.
     */
    public synchronized long unavailablePending(boolean alarm) {
        int i = alarm ? 1 : 0;
        long now = unavailable[i].get();
        return now == unavailableDone[i] ? 0 : now;
    }

    /** The pass found no {@code catalog_unavailable} document left as of {@code generation}. */
    public synchronized void unavailableDone(boolean alarm, long generation) {
        int i = alarm ? 1 : 0;
        unavailableDone[i] = Math.max(unavailableDone[i], generation);
    }

    /** The catalog's view of the device as the pass found it (no document changed). */
    public void current(DeviceKey device, String viewRev) {
        changes.incrementAndGet();
        seen.put(device, viewRev);
    }

    /**
     * The pass brought every document of {@code d} in line with {@code viewRev}; the device stays
     * dirty when it was marked again meanwhile.
     */
    public void reconciled(Dirty d, String viewRev) {
        changes.incrementAndGet();
        seen.put(d.device(), viewRev);
        dirty.remove(d.device(), d.generation());
    }

    public List<Dirty> dirty(int limit) {
        List<Dirty> some = new ArrayList<>();
        for (Map.Entry<DeviceKey, Long> e : dirty.entrySet()) {
            if (some.size() >= limit) {
                break;
            }
            some.add(new Dirty(e.getKey(), e.getValue()));
        }
        return some;
    }

    /** Up to {@code limit} devices to verify, taken off the list, with the view last seen. */
    public Map<DeviceKey, String> takeToVerify(int limit) {
        Map<DeviceKey, String> taken = new ConcurrentHashMap<>();
        for (DeviceKey device : toVerify) {
            if (taken.size() >= limit) {
                break;
            }
            toVerify.remove(device);
            String view = seen.getIfPresent(device);
            if (view != null) {
                taken.put(device, view);
            }
        }
        return taken;
    }

    public boolean scanStore() {
        return scanStore;
    }

    public void storeScanned() {
        scanStore = false;
    }
}
