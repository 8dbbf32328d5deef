package io.controlautogeneracion.pipelines.testing;

import com.couchbase.client.java.Collection;
import com.couchbase.client.java.codec.RawJsonTranscoder;
import com.couchbase.client.java.kv.UpsertOptions;
import io.controlautogeneracion.catalog.client.CatalogClientSettings;
import io.controlautogeneracion.catalog.client.CatalogConnection;
import io.controlautogeneracion.catalog.client.CatalogDocuments;
import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.model.catalog.AlarmThresholds;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Element;
import io.controlautogeneracion.model.catalog.SensorWind;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.pipelines.batch.MemoryCatalog;
import io.controlautogeneracion.stack.junit.RunningStack;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Writes catalog documents the way catalog-service stores them (same keys, same JSON), for the job
 * tests: an anemometer type with its own thresholds, clients, devices and relation histories.
 */
public final class CatalogSeed {
    private final Collection collection;

    public CatalogSeed(Collection collection) {
        this.collection = collection;
    }

    /** An anemometer type warning at {@code warning} and storming at {@code storm} m/s. */
    public CatalogSeed element(String model, double warning, double storm) {
        put(
                CatalogKeys.element(DeviceKind.WIND, model),
                new Element(
                        DeviceKind.WIND,
                        model,
                        "Aire",
                        null,
                        null,
                        null,
                        null,
                        10,
                        new AlarmThresholds(null, null, warning, storm),
                        null));
        return this;
    }

    public CatalogSeed client(String clientId, String name, String postalCode) {
        put(
                CatalogKeys.client(clientId),
                new Client(
                        clientId,
                        "Calle " + name + " 1",
                        postalCode,
                        "sig-" + clientId,
                        LocalDate.of(2024, 1, 1),
                        null,
                        "residential",
                        name,
                        "Apellido1-" + name,
                        "Apellido2-" + name,
                        40.4,
                        -3.7,
                        "Europe/Madrid"));
        return this;
    }

    /**
     * An anemometer of {@code model} owned by {@code owners[i]} from {@code since[i]} until the
     * next owner's start.
     */
    public CatalogSeed anemometer(String windId, String model, String[] owners, Instant[] since) {
        put(
                CatalogKeys.device(DeviceKind.WIND, windId),
                new SensorWind(
                        windId,
                        model,
                        LocalDate.of(2024, 6, 1),
                        LocalDate.of(2025, 1, 2),
                        null,
                        null,
                        10,
                        null));
        ClientRelHistory history = ClientRelHistory.empty(DeviceKind.WIND, windId);
        for (int i = 0; i < owners.length; i++) {
            Instant to = i + 1 < since.length ? since[i + 1] : null;
            history = history.with(ClientRel.of(DeviceKind.WIND, windId, owners[i], since[i], to));
        }
        put(CatalogKeys.relations(DeviceKind.WIND, windId), history);
        return this;
    }

    /** A client in Madrid as the batch tests know it ({@link MemoryCatalog#client}). */
    public CatalogSeed madrid(String clientId) {
        put(
                CatalogKeys.client(clientId),
                MemoryCatalog.client(clientId, "Europe/Madrid", 40.4, -3.7));
        return this;
    }

    /** A panel of {@code powerCap} Wp owned by {@code clientId} from {@code since} on. */
    public CatalogSeed panel(String panelId, double powerCap, String clientId, Instant since) {
        put(
                CatalogKeys.device(DeviceKind.PANEL, panelId),
                MemoryCatalog.panelDocument(panelId, powerCap));
        put(
                CatalogKeys.relations(DeviceKind.PANEL, panelId),
                MemoryCatalog.ownedSince(DeviceKind.PANEL, panelId, clientId, since));
        return this;
    }

    /** A light sensor of {@code powerCap} Wp owned by {@code clientId} from {@code since} on. */
    public CatalogSeed light(String lightId, Double powerCap, String clientId, Instant since) {
        put(
                CatalogKeys.device(DeviceKind.LIGHT, lightId),
                MemoryCatalog.lightDocument(lightId, powerCap));
        put(
                CatalogKeys.relations(DeviceKind.LIGHT, lightId),
                MemoryCatalog.ownedSince(DeviceKind.LIGHT, lightId, clientId, since));
        return this;
    }

    /** Seeds the catalog stand-in of a test's local stack. */
    public static void into(RunningStack stack, java.util.function.Consumer<CatalogSeed> seed) {
        CatalogClientSettings settings =
                CatalogClientSettings.of(
                        stack.couchbaseConnectionString(),
                        stack.couchbaseBucket(),
                        stack.couchbasePassword(),
                        stack.couchbaseBucket());
        try (CatalogConnection connection = CatalogConnection.open(settings)) {
            seed.accept(new CatalogSeed(connection.collection()));
        }
    }

    private void put(String key, Object document) {
        collection.upsert(
                key,
                CatalogDocuments.write(document),
                UpsertOptions.upsertOptions().transcoder(RawJsonTranscoder.INSTANCE));
    }
}
