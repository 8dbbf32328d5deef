package io.controlautogeneracion.ingest.bench;

import io.controlautogeneracion.catalog.client.CatalogKeys;
import io.controlautogeneracion.ingest.testing.StandIns;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.Device;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.catalog.SensorLight;
import io.controlautogeneracion.model.catalog.SensorWind;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The catalog of the benchmark's fleet, in the Couchbase stand-in: every device of {@link
 * BenchMessages} (500 per topic) with its document and an owner, two devices per client, and one
 * device in ten moved to another client an hour before the run, so lookups and documents look like
 * a real fleet's.
 */
final class BenchCatalog {
    static final int DEVICES_PER_TOPIC = 500;

    private BenchCatalog() {}

    static void load(StandIns standIns) {
        Instant installed = Instant.parse("2024-01-01T00:00:00Z");
        Instant moved = Instant.now().minus(1, ChronoUnit.HOURS);
        LocalDate made = LocalDate.parse("2023-11-01");
        LocalDate install = LocalDate.parse("2024-01-01");
        for (DeviceKind kind : DeviceKind.values()) {
            for (int d = 0; d < DEVICES_PER_TOPIC; d++) {
                String id = BenchMessages.deviceId(kind, d);
                String owner = client(standIns, kind, d / 2);
                standIns.putCatalog(CatalogKeys.device(kind, id), device(kind, id, made, install));
                ClientRelHistory history = ClientRelHistory.empty(kind, id);
                if (d % 10 == 0) {
                    String next = client(standIns, kind, DEVICES_PER_TOPIC / 2 + d);
                    history =
                            history.with(ClientRel.of(kind, id, owner, installed, moved))
                                    .with(ClientRel.of(kind, id, next, moved, null));
                } else {
                    history = history.with(ClientRel.of(kind, id, owner, installed, null));
                }
                standIns.putCatalog(CatalogKeys.relations(kind, id), history);
            }
        }
    }

    private static String client(StandIns standIns, DeviceKind kind, int n) {
        String id = "BENCH-" + kind.name() + "-" + n;
        standIns.putCatalog(
                CatalogKeys.client(id),
                new Client(
                        id,
                        "Calle del Banco " + n + ", Madrid",
                        String.valueOf(28000 + n % 100),
                        null,
                        LocalDate.parse("2023-12-01"),
                        null,
                        "residential",
                        "Nombre" + n,
                        "Apellido" + n,
                        "Segundo" + n,
                        40.4,
                        -3.7,
                        "Europe/Madrid"));
        return id;
    }

    private static Device device(DeviceKind kind, String id, LocalDate made, LocalDate install) {
        return switch (kind) {
            case PANEL ->
                    new Panel(
                            id, "SUN-400", made, install, 400.0, null, null, 25, null, null, 30.0,
                            180.0);
            case LIGHT ->
                    new SensorLight(id, "LUX-200K", made, install, 400.0, null, null, 10, null);
            case WIND -> new SensorWind(id, "ANEMO-2", made, install, null, null, 12, null);
        };
    }
}
