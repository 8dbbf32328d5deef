package io.controlautogeneracion.ingest.testing;

import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.time.LocalDate;

/** Catalog documents for tests, written to the Couchbase stand-in under the catalog's keys. */
public final class Catalog {

    private final StandIns standIns;

    public Catalog(StandIns standIns) {
        this.standIns = standIns;
    }

    public Client client(String id, String postalCode) {
        Client client =
                new Client(
                        id,
                        "Calle " + id + " 1, Madrid",
                        postalCode,
                        null,
                        LocalDate.parse("2024-01-01"),
                        null,
                        "residential",
                        "Nombre " + id,
                        "Apellido",
                        "Segundo",
                        40.4,
                        -3.7,
                        "Europe/Madrid");
        standIns.putCatalog(CatalogKeys.client(id), client);
        return client;
    }

    public void panel(String id, String model) {
        standIns.putCatalog(
                CatalogKeys.device(DeviceKind.PANEL, id),
                new Panel(
                        id,
                        model,
                        LocalDate.parse("2024-02-01"),
                        LocalDate.parse("2024-03-01"),
                        400.0,
                        null,
                        null,
                        25,
                        null,
                        null,
                        30.0,
                        180.0));
    }

    /** The panel's relation history: owned by each client from its instant on, in turn. */
    public void owners(String panelId, Object... clientsAndStarts) {
        ClientRelHistory history = ClientRelHistory.empty(DeviceKind.PANEL, panelId);
        for (int i = 0; i < clientsAndStarts.length; i += 2) {
            Instant from = (Instant) clientsAndStarts[i + 1];
            Instant to = i + 3 < clientsAndStarts.length ? (Instant) clientsAndStarts[i + 3] : null;
            history =
                    history.with(
                            ClientRel.of(
                                    DeviceKind.PANEL,
                                    panelId,
                                    (String) clientsAndStarts[i],
                                    from,
                                    to));
        }
        standIns.putCatalog(CatalogKeys.relations(DeviceKind.PANEL, panelId), history);
    }
}
