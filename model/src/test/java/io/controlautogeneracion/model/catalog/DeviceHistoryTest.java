package io.controlautogeneracion.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeviceHistoryTest {
    private static final Instant MOVE = Instant.parse("2026-06-01T00:00:00Z");
    private static final Instant INSTALL = Instant.parse("2023-06-17T00:00:00Z");

    private final Client a = client("C-A", "28013");
    private final Client b = client("C-B", "28040");
    private final Panel panel =
            new Panel(
                    "P-1",
                    "SUN-400",
                    LocalDate.parse("2023-03-21"),
                    LocalDate.parse("2023-06-17"),
                    400.0,
                    null,
                    null,
                    25,
                    null,
                    null,
                    null,
                    null);
    private final DeviceHistory history =
            new DeviceHistory(
                    DeviceKind.PANEL,
                    "P-1",
                    ClientRelHistory.empty(DeviceKind.PANEL, "P-1")
                            .with(ClientRel.of(DeviceKind.PANEL, "P-1", "C-A", INSTALL, MOVE))
                            .with(ClientRel.of(DeviceKind.PANEL, "P-1", "C-B", MOVE, null)),
                    Map.of("C-A", a, "C-B", b),
                    panel,
                    null);

    @Test
    void shouldEnrichEachSideOfAMoveWithItsOwner() {
        Enrichment before = history.at(MOVE.minusMillis(1));
        Enrichment after = history.at(MOVE);
        assertThat(before.client()).isEqualTo(a);
        assertThat(after.client()).isEqualTo(b);
        assertThat(EnrichmentStatus.of(after)).isEqualTo(EnrichmentStatus.OK);
        assertThat(io.controlautogeneracion.model.druid.Enrichment.of(after).postalCode())
                .isEqualTo("28040");
    }

    @Test
    void shouldKnowTheDeviceWithoutOwnerBeforeItsFirstRelation() {
        Enrichment before = history.at(INSTALL.minusSeconds(1));
        assertThat(EnrichmentStatus.of(before)).isEqualTo(EnrichmentStatus.NO_OWNER);
        io.controlautogeneracion.model.druid.Enrichment columns =
                io.controlautogeneracion.model.druid.Enrichment.of(before);
        assertThat(columns.clientId()).isNull();
        assertThat(columns.model()).isEqualTo("SUN-400");
    }

    @Test
    void shouldGiveTheSameAnswerStretchByStretchAsInstantByInstant() {
        for (DeviceHistory.Stretch stretch : history.stretches()) {
            Instant inside = stretch.from() == null ? INSTALL.minusSeconds(5) : stretch.from();
            assertThat(history.at(inside).client()).isEqualTo(stretch.enrichment().client());
            assertThat(stretch.contains(inside)).isTrue();
        }
        assertThat(history.stretches()).hasSize(3);
    }

    @Test
    void shouldCallADeviceWithoutDocumentOrRelationUnknown() {
        DeviceHistory unknown = new DeviceHistory(DeviceKind.WIND, "W-X", null, null, null, null);
        assertThat(unknown.known()).isFalse();
        assertThat(EnrichmentStatus.of(unknown.at(MOVE)))
                .isEqualTo(EnrichmentStatus.UNKNOWN_DEVICE);
        assertThat(unknown.stretches()).hasSize(1);
    }

    private static Client client(String id, String postalCode) {
        return new Client(
                id,
                "Calle " + id,
                postalCode,
                null,
                null,
                null,
                "residential",
                "Ana",
                "Ruiz",
                "Soto",
                40.4,
                -3.7,
                "Europe/Madrid");
    }
}
