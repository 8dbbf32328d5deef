package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.catalog.client.CatalogDocuments;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
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

    public MemoryCatalog panel(String panelId, Client owner, double powerCap) {
        Panel panel =
                new Panel(
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
        devices.put(panelId, CatalogDocuments.write(panel));
        owners.put(panelId, CatalogDocuments.write(owner));
        return this;
    }

    public MemoryCatalog light(String lightId, Client owner) {
        SensorLight light =
                new SensorLight(
                        lightId,
                        "LUX-1",
                        LocalDate.of(2024, 1, 1),
                        LocalDate.of(2024, 6, 1),
                        null,
                        null,
                        null,
                        10,
                        null);
        devices.put(lightId, CatalogDocuments.write(light));
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
