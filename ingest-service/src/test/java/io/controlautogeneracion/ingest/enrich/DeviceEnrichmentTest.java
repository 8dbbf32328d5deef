package io.controlautogeneracion.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.ClientRelHistory;
import io.controlautogeneracion.model.catalog.DeviceHistory;
import io.controlautogeneracion.model.catalog.EnrichmentStatus;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceEnrichmentTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MOVE = Instant.parse("2026-06-01T00:00:00Z");

    private final Map<String, Client> clients =
            Map.of("C-A", client("C-A", "28013"), "C-B", client("C-B", "28040"));

    @Test
    void shouldGiveEachSideOfAMoveItsOwnPieceAndFingerprint() {
        DeviceEnrichment moved = enrichment(history("C-A", START, "C-B", MOVE));
        assertThat(moved.pieces()).hasSize(3);
        StretchEnrichment before = moved.at(MOVE.minusMillis(1));
        StretchEnrichment after = moved.at(MOVE);
        assertThat(before.columns().clientId()).isEqualTo("C-A");
        assertThat(after.columns().clientId()).isEqualTo("C-B");
        assertThat(before.rev()).isNotEqualTo(after.rev());
        // No device document and no relation then: unknown at that instant (the model's rule).
        assertThat(moved.at(START.minusSeconds(1)).status())
                .isEqualTo(EnrichmentStatus.UNKNOWN_DEVICE);
    }

    @Test
    void shouldChangeTheViewOnlyWhenSomeDocumentWouldChange() {
        DeviceEnrichment once = enrichment(history("C-A", START));
        DeviceEnrichment again = enrichment(history("C-A", START));
        DeviceEnrichment moved = enrichment(history("C-A", START, "C-B", MOVE));
        // The same owner in two consecutive periods reads as one piece: nothing to rewrite.
        DeviceEnrichment split = enrichment(history("C-A", START, "C-A", MOVE));
        assertThat(again.viewRev()).isEqualTo(once.viewRev());
        assertThat(split.viewRev()).isEqualTo(once.viewRev());
        assertThat(moved.viewRev()).isNotEqualTo(once.viewRev());
        // Documents before the move keep their fingerprint: they are not rewritten.
        assertThat(moved.at(START).rev()).isEqualTo(once.at(START).rev());
    }

    @Test
    void shouldLeaveADocumentStoredWithoutTheCatalogWithoutFingerprint() {
        assertThat(StretchEnrichment.UNAVAILABLE.rev()).isNull();
        assertThat(StretchEnrichment.UNAVAILABLE.fields().getString("enrichment_status"))
                .isEqualTo("catalog_unavailable");
        assertThat(StretchEnrichment.UNAVAILABLE.fields().get("client_id")).isNull();
    }

    private DeviceEnrichment enrichment(ClientRelHistory relations) {
        return DeviceEnrichment.of(
                new DeviceHistory(DeviceKind.PANEL, "P-1", relations, clients, null, null));
    }

    private static ClientRelHistory history(Object... clientsAndStarts) {
        ClientRelHistory history = ClientRelHistory.empty(DeviceKind.PANEL, "P-1");
        for (int i = 0; i < clientsAndStarts.length; i += 2) {
            Instant to = i + 3 < clientsAndStarts.length ? (Instant) clientsAndStarts[i + 3] : null;
            history =
                    history.with(
                            ClientRel.of(
                                    DeviceKind.PANEL,
                                    "P-1",
                                    (String) clientsAndStarts[i],
                                    (Instant) clientsAndStarts[i + 1],
                                    to));
        }
        return history;
    }

    private static Client client(String id, String postalCode) {
        return new Client(
                id,
                "Calle 1",
                postalCode,
                null,
                null,
                null,
                null,
                "Ana",
                "Ruiz",
                "Soto",
                null,
                null,
                null);
    }
}
