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

    public DeviceViews(IngestConfig config) {
        this.max = config.enrichment().maxPendingDevices();
        this.seen = Caffeine.newBuilder().maximumSize(max).build();
    }

    /**
     * Documents of {@code device} were stored with the view {@code viewRev}: a view other than the
     * last one seen makes it dirty; a device not seen before is verified against the store.
     */
    public void storedWith(DeviceKey device, String viewRev) {
        String previous = seen.asMap().put(device, viewRev);
        if (previous == null) {
            if (toVerify.size() < max) {
                toVerify.add(device);
            }
        } else if (!previous.equals(viewRev)) {
            markDirty(device);
        }
    }

    /** The device's documents need the pass (stored without the catalog, or a changed view). */
    public void markDirty(DeviceKey device) {
        if (dirty.size() >= max && !dirty.containsKey(device)) {
            scanStore = true;
            return;
        }
        dirty.put(device, generations.incrementAndGet());
    }

    /** The catalog's view of the device as the pass found it (no document changed). */
    public void current(DeviceKey device, String viewRev) {
        seen.put(device, viewRev);
    }

    /**
     * The pass brought every document of {@code d} in line with {@code viewRev}; the device stays
     * dirty when it was marked again meanwhile.
     */
    public void reconciled(Dirty d, String viewRev) {
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

    public int dirtyCount() {
        return dirty.size();
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
