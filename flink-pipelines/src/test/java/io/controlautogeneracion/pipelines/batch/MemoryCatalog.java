package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.catalog.client.CatalogDocuments;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.catalog.SensorLight;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A catalog held in memory for the batch job tests: devices owned by one client each since the
 * epoch, or with a relation history of their own. Serialisable, so the Flink job carries it to
 * every parallel instance.
 */
public final class MemoryCatalog implements BatchCatalog, BatchCatalog.Factory {
    // Documents as their catalog JSON: the model records are not serialisable.
    private final Map<String, byte[]> clients = new HashMap<>();
    private final Map<String, byte[]> relations = new HashMap<>();
    private final Map<String, byte[]> devices = new HashMap<>();

    public static Client client(String clientId, String zone, double lat, double lon) {
        return new Client(
                clientId,
                "Calle " + clientId,
                "28013",
                "sig",
                LocalDate.of(2024, 1, 1),
                null,
                "residential",
                "Name-" + clientId,
                "Uno",
                "Dos",
                lat,
                lon,
                zone);
    }

    /** A PV-400 panel installed 2024-06-01, 30° tilt, facing south. */
    public static Panel panelDocument(String panelId, double powerCap) {
        return new Panel(
                panelId,
                "PV-400",
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 6, 1),
                powerCap,
                null,
                null,
                25,
                null,
                null,
                30.0,
                180.0);
    }

    /** A LUX-1 light sensor installed 2024-06-01. */
    public static SensorLight lightDocument(String lightId, Double powerCap) {
        return new SensorLight(
                lightId,
                "LUX-1",
                LocalDate.of(2024, 1, 1),
                LocalDate.of(2024, 6, 1),
                powerCap,
                null,
                null,
                10,
                null);
    }

    /** The relation history of a device owned by {@code clientId} from {@code since} on. */
    public static ClientRelHistory ownedSince(
            DeviceKind kind, String deviceId, String clientId, Instant since) {
        return ClientRelHistory.empty(kind, deviceId)
                .with(ClientRel.of(kind, deviceId, clientId, since, null));
    }

    public MemoryCatalog panel(String panelId, Client owner, double powerCap) {
        devices.put(panelId, CatalogDocuments.write(panelDocument(panelId, powerCap)));
        return owned(DeviceKind.PANEL, panelId, owner);
    }

    public MemoryCatalog light(String lightId, Client owner) {
        devices.put(lightId, CatalogDocuments.write(lightDocument(lightId, null)));
        return owned(DeviceKind.LIGHT, lightId, owner);
    }

    /** A panel with its own relation history, over the given clients. */
    public MemoryCatalog panel(
            String panelId, double powerCap, ClientRelHistory history, Client... owners) {
        devices.put(panelId, CatalogDocuments.write(panelDocument(panelId, powerCap)));
        relations.put(panelId, CatalogDocuments.write(history));
        for (Client c : owners) {
            clients.put(c.clientId(), CatalogDocuments.write(c));
        }
        return this;
    }

    private MemoryCatalog owned(DeviceKind kind, String deviceId, Client owner) {
        clients.put(owner.clientId(), CatalogDocuments.write(owner));
        relations.put(
                deviceId,
                CatalogDocuments.write(
                        ownedSince(kind, deviceId, owner.clientId(), Instant.EPOCH)));
        return this;
    }

    @Override
    public CompletableFuture<CatalogTimeline> timeline(DeviceKind kind, String deviceId) {
        byte[] device = devices.get(deviceId);
        Device d =
                device == null
                        ? null
                        : kind == DeviceKind.PANEL
                                ? CatalogDocuments.read(device, Panel.class)
                                : CatalogDocuments.read(device, SensorLight.class);
        byte[] rels = relations.get(deviceId);
        ClientRelHistory history =
                rels == null ? null : CatalogDocuments.read(rels, ClientRelHistory.class);
        Map<String, Client> byId = new HashMap<>();
        clients.forEach((id, c) -> byId.put(id, CatalogDocuments.read(c, Client.class)));
        return CompletableFuture.completedFuture(
                CatalogTimeline.of(kind, deviceId, history, byId, d, null));
    }

    @Override
    public BatchCatalog open() {
        return this;
    }
}
