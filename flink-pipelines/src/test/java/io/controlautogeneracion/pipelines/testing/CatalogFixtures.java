package io.controlautogeneracion.pipelines.testing;

import com.couchbase.client.java.Collection;
import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.catalog.client.testing.CatalogSeed;
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
import java.util.function.Consumer;

/**
 * The job tests' catalog documents (anemometer types with their thresholds, clients, devices and
 * their owners over time), written through catalog-client's {@link CatalogSeed} as catalog-service
 * stores them.
 */
public final class CatalogFixtures {
    private final CatalogSeed seed;

    private CatalogFixtures(CatalogSeed seed) {
        this.seed = seed;
    }

    public CatalogFixtures(Collection collection) {
        this(new CatalogSeed(collection));
    }

    /** Seeds the catalog stand-in of a test's local stack. */
    public static void into(RunningStack stack, Consumer<CatalogFixtures> fixtures) {
        CatalogSeed.into(
                CatalogSeed.settings(stack), seed -> fixtures.accept(new CatalogFixtures(seed)));
    }

    /** An anemometer type warning at {@code warning} and storming at {@code storm} m/s. */
    public CatalogFixtures element(String model, double warning, double storm) {
        seed.put(
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

    public CatalogFixtures client(String clientId, String name, String postalCode) {
        seed.put(
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
    public CatalogFixtures anemometer(
            String windId, String model, String[] owners, Instant[] since) {
        seed.put(
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
        seed.put(CatalogKeys.relations(DeviceKind.WIND, windId), history);
        return this;
    }

    /** A client in Madrid as the batch tests know it ({@link MemoryCatalog#client}). */
    public CatalogFixtures madrid(String clientId) {
        seed.put(
                CatalogKeys.client(clientId),
                MemoryCatalog.client(clientId, "Europe/Madrid", 40.4, -3.7));
        return this;
    }

    /** A panel of {@code powerCap} Wp owned by {@code clientId} from {@code since} on. */
    public CatalogFixtures panel(String panelId, double powerCap, String clientId, Instant since) {
        seed.put(
                CatalogKeys.device(DeviceKind.PANEL, panelId),
                MemoryCatalog.panelDocument(panelId, powerCap));
        seed.put(
                CatalogKeys.relations(DeviceKind.PANEL, panelId),
                MemoryCatalog.ownedSince(DeviceKind.PANEL, panelId, clientId, since));
        return this;
    }

    /** A light sensor of {@code powerCap} Wp owned by {@code clientId} from {@code since} on. */
    public CatalogFixtures light(String lightId, Double powerCap, String clientId, Instant since) {
        seed.put(
                CatalogKeys.device(DeviceKind.LIGHT, lightId),
                MemoryCatalog.lightDocument(lightId, powerCap));
        seed.put(
                CatalogKeys.relations(DeviceKind.LIGHT, lightId),
                MemoryCatalog.ownedSince(DeviceKind.LIGHT, lightId, clientId, since));
        return this;
    }
}
