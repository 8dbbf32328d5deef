package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.DeviceHistory;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the catalog says about one device through time: consecutive stretches, each with the {@link
 * CatalogFacts} valid in it (the owner of a relation period, or the device without owner between
 * periods). "The relation valid at event time" for any instant, so each reading is attributed to
 * the client who owned the device when it was taken.
 */
public final class CatalogTimeline implements Serializable {
    private static final long serialVersionUID = 1L;

    // Stretch i is [starts[i], starts[i + 1]); the first starts at Long.MIN_VALUE.
    private final long[] starts;
    private final CatalogFacts[] facts;

    private CatalogTimeline(long[] starts, CatalogFacts[] facts) {
        this.starts = starts;
        this.facts = facts;
    }

    /** The same facts at every instant (a device without relations, or an unknown one). */
    public static CatalogTimeline constant(CatalogFacts f) {
        return new CatalogTimeline(new long[] {Long.MIN_VALUE}, new CatalogFacts[] {f});
    }

    /**
     * The timeline of a device from its relation history, the clients those relations name (a
     * missing client leaves its period without client columns), its document and its element type;
     * any of them may be absent. A device the catalog knows nothing about is {@link
     * CatalogFacts#UNKNOWN} throughout.
     */
    public static CatalogTimeline of(
            DeviceKind kind,
            String deviceId,
            ClientRelHistory relations,
            Map<String, Client> clients,
            Device device,
            Element element) {
        return of(new DeviceHistory(kind, deviceId, relations, clients, device, element));
    }

    /**
     * The timeline of {@code history}, stretch by stretch as the model cuts it (the one rule of
     * "the relation valid at event time", shared with ingest-service and the wind job), with equal
     * neighbouring stretches merged.
     */
    public static CatalogTimeline of(DeviceHistory history) {
        List<Long> starts = new ArrayList<>();
        List<CatalogFacts> facts = new ArrayList<>();
        for (DeviceHistory.Stretch stretch : history.stretches()) {
            CatalogFacts f = CatalogFacts.of(stretch.enrichment());
            int last = facts.size() - 1;
            if (last >= 0 && facts.get(last).equals(f)) {
                continue;
            }
            starts.add(stretch.from() == null ? Long.MIN_VALUE : stretch.from().toEpochMilli());
            facts.add(f);
        }
        return new CatalogTimeline(
                starts.stream().mapToLong(Long::longValue).toArray(),
                facts.toArray(CatalogFacts[]::new));
    }

    /** The index of the stretch containing {@code t}. */
    public int indexAt(long t) {
        int i = Arrays.binarySearch(starts, t);
        return i >= 0 ? i : -i - 2;
    }

    /** The facts valid at {@code t}. */
    public CatalogFacts at(long t) {
        return facts[indexAt(t)];
    }

    public CatalogFacts facts(int index) {
        return facts[index];
    }

    /** Where stretch {@code index} ends (exclusive); {@code Long.MAX_VALUE} for the last. */
    public long endOf(int index) {
        return index + 1 < starts.length ? starts[index + 1] : Long.MAX_VALUE;
    }

    /** True when the catalog knows the device at some time. */
    public boolean known() {
        for (CatalogFacts f : facts) {
            if (f.known()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("CatalogTimeline[");
        for (int i = 0; i < starts.length; i++) {
            s.append(i == 0 ? "" : ", ")
                    .append(starts[i] == Long.MIN_VALUE ? "-inf" : starts[i])
                    .append(": ")
                    .append(facts[i].clientId());
        }
        return s.append(']').toString();
    }
}
