package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.catalog.client.CatalogClient;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** The catalog through catalog-client: cached asynchronous key-value reads from Couchbase. */
public final class CouchbaseBatchCatalog implements BatchCatalog {
    private final CatalogClient client;

    CouchbaseBatchCatalog(CatalogClient client) {
        this.client = client;
    }

    /**
     * Two rounds of reads when nothing is cached: the relation history and the device, then the
     * clients its periods name and the element type.
     */
    @Override
    public CompletableFuture<CatalogTimeline> timeline(DeviceKind kind, String deviceId) {
        CompletableFuture<Optional<ClientRelHistory>> relations = client.relations(kind, deviceId);
        CompletableFuture<Optional<Device>> device = client.device(kind, deviceId);
        return relations
                .thenCombine(device, Found::new)
                .thenCompose(found -> found.complete(kind, deviceId));
    }

    /** The first round's answers; the second round completes them into a timeline. */
    private final class Found {
        final ClientRelHistory relations;
        final Device device;

        Found(Optional<ClientRelHistory> relations, Optional<Device> device) {
            this.relations = relations.orElse(null);
            this.device = device.orElse(null);
        }

        CompletableFuture<CatalogTimeline> complete(DeviceKind kind, String deviceId) {
            Map<String, CompletableFuture<Optional<Client>>> clients = new HashMap<>();
            if (relations != null) {
                for (ClientRel rel : relations.periods()) {
                    if (rel.clientId() != null) {
                        clients.computeIfAbsent(rel.clientId(), client::client);
                    }
                }
            }
            CompletableFuture<Optional<Element>> element =
                    device == null
                            ? CompletableFuture.completedFuture(Optional.empty())
                            : client.element(kind, device.model());
            CompletableFuture<?>[] all = clients.values().toArray(CompletableFuture[]::new);
            return CompletableFuture.allOf(all)
                    .thenCombine(
                            element,
                            (done, type) -> {
                                Map<String, Client> byId = new HashMap<>();
                                clients.forEach(
                                        (id, c) -> c.join().ifPresent(v -> byId.put(id, v)));
                                return CatalogTimeline.of(
                                        kind, deviceId, relations, byId, device, type.orElse(null));
                            });
        }
    }

    @Override
    public void close() throws Exception {
        client.close();
    }

    /** Connection settings as plain fields ({@link CatalogClientSettings} is not serialisable). */
    public record Factory(
            String connectionString,
            String username,
            String password,
            String bucket,
            long cacheSize,
            Duration cacheTtl,
            Duration kvTimeout)
            implements BatchCatalog.Factory {

        @Override
        public BatchCatalog open() {
            return new CouchbaseBatchCatalog(
                    CatalogClient.connect(
                            new CatalogClientSettings(
                                    connectionString,
                                    username,
                                    password,
                                    bucket,
                                    cacheSize,
                                    cacheTtl,
                                    // A batch run reads a settled catalog: absent stays absent.
                                    cacheTtl,
                                    kvTimeout)));
        }
    }
}
