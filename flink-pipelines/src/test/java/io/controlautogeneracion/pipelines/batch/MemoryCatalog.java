package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.catalog.client.CatalogDocuments;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.Enrichment;
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
 * epoch. Serialisable, so the Flink job carries it to every parallel instance.
 */
public final class MemoryCatalog implements BatchCatalog, BatchCatalog.Factory {
    // Documents as their catalog JSON: the model records are not serialisable.
    private final Map<String, byte[]> owners = new HashMap<>();
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
        owners.put(panelId, CatalogDocuments.write(owner));
        return this;
    }

    public MemoryCatalog light(String lightId, Client owner) {
        devices.put(lightId, CatalogDocuments.write(lightDocument(lightId, null)));
        owners.put(lightId, CatalogDocuments.write(owner));
        return this;
    }

    @Override
    public CompletableFuture<Enrichment> enrich(DeviceKind kind, String deviceId, Instant at) {
        byte[] device = devices.get(deviceId);
        if (device == null) {
            return CompletableFuture.completedFuture(Enrichment.unknown(kind, deviceId, at));
        }
        Device d =
                kind == DeviceKind.PANEL
                        ? CatalogDocuments.read(device, Panel.class)
                        : CatalogDocuments.read(device, SensorLight.class);
        Client c = CatalogDocuments.read(owners.get(deviceId), Client.class);
        ClientRel rel = ClientRel.of(kind, deviceId, c.clientId(), Instant.EPOCH, null);
        return CompletableFuture.completedFuture(
                new Enrichment(kind, deviceId, at, rel, c, d, null));
    }

    @Override
    public BatchCatalog open() {
        return this;
    }
}
