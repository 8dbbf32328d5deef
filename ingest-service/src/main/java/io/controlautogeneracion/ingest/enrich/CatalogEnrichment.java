package io.controlautogeneracion.ingest.enrich;

import io.controlautogeneracion.ingest.IngestConfig;
import io.controlautogeneracion.ingest.stream.ParsedMessage;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The "enrich, then store" step of StreamingPanel, StreamingSensorLight and StreamingSensorWind:
 * each message that names its device and event time gets the catalog's enrichment valid then.
 * Devices the catalog does not describe within the lookup timeout are stored {@code
 * catalog_unavailable} and handed to the background pass once the write is acknowledged, so
 * enrichment never holds back storage or the commit of offsets.
 */
@ApplicationScoped
public class CatalogEnrichment {
    private static final Logger LOG = Logger.getLogger(CatalogEnrichment.class);

    /** A batch's messages, enriched, and what the lookups found, for {@link #stored}. */
    public record Enriched(
            List<ParsedMessage> messages,
            Map<String, DeviceEnrichment> found,
            Set<String> unavailable) {}

    private final CatalogLookup lookup;
    private final DeviceViews views;
    private final IngestConfig config;
    private final MeterRegistry meters;

    public CatalogEnrichment(
            CatalogLookup lookup, DeviceViews views, IngestConfig config, MeterRegistry meters) {
        this.lookup = lookup;
        this.views = views;
        this.config = config;
        this.meters = meters;
    }

    /**
     * The batch's messages enriched: {@code messages} itself (a list that can be changed), each
     * enrichable message replaced by its enriched copy once the catalog answered or the wait ended.
     */
    public Uni<Enriched> enrich(DeviceKind kind, List<ParsedMessage> messages) {
        // Sized for a device per message: a batch's set never grows.
        Set<String> ids = new HashSet<>(CatalogLookup.capacity(messages.size()));
        for (ParsedMessage message : messages) {
            if (message.enrichable()) {
                ids.add(message.messageDeviceId());
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().item(new Enriched(messages, Map.of(), Set.of()));
        }
        return lookup.devices(kind, ids, lookup.ifAnswering(config.catalog().lookupTimeout()))
                .map(found -> apply(messages, ids, found))
                .onFailure()
                .recoverWithItem(
                        e -> {
                            // Storage never waits on enrichment: store, and enrich later.
                            LOG.warnf(
                                    "enriching a batch of %s failed, stored without: %s", kind, e);
                            return apply(messages, ids, Map.of());
                        });
    }

    /**
     * Each enrichable message of {@code messages} replaced by itself enriched, in place: the batch
     * keeps one list, and the messages as parsed are let go at once instead of being kept (and
     * copied by the young collections) until the batch is written.
     */
    private static Enriched apply(
            List<ParsedMessage> messages, Set<String> ids, Map<String, DeviceEnrichment> found) {
        for (int i = 0; i < messages.size(); i++) {
            ParsedMessage message = messages.get(i);
            if (message.enrichable()) {
                DeviceEnrichment device = found.get(message.messageDeviceId());
                messages.set(
                        i,
                        message.enriched(
                                device == null
                                        ? StretchEnrichment.UNAVAILABLE
                                        : device.at(message.eventTime())));
            }
        }
        return new Enriched(messages, found, unavailable(ids, found));
    }

    /** The devices looked up that the catalog did not describe in time (usually none). */
    private static Set<String> unavailable(Set<String> ids, Map<String, DeviceEnrichment> found) {
        if (found.size() == ids.size()) {
            return Set.of(); // found holds only ids looked up
        }
        Set<String> unavailable = new HashSet<>(ids);
        unavailable.removeAll(found.keySet());
        return unavailable;
    }

    /** After the write was acknowledged: what the background pass must look at. */
    public void stored(String topic, Enriched batch) {
        batch.found().forEach((id, d) -> d.storedAs(new DeviceKey(topic, id), views));
        if (!batch.unavailable().isEmpty()) {
            views.unavailableStored();
            long count =
                    batch.messages().stream()
                            .filter(m -> m.enrichment() == StretchEnrichment.UNAVAILABLE)
                            .count();
            meters.counter("ingest.enrichment.unavailable", "topic", topic).increment(count);
        }
    }
}
