package io.controlautogeneracion.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClientRelHistoryTest {
    private static final Instant MOVE = Instant.parse("2026-06-01T00:00:00Z");

    private final ClientRel first =
            ClientRel.of(
                    DeviceKind.PANEL, "P-1", "C-A", Instant.parse("2025-01-01T00:00:00Z"), MOVE);
    private final ClientRel second = ClientRel.of(DeviceKind.PANEL, "P-1", "C-B", MOVE, null);
    private final ClientRelHistory history =
            ClientRelHistory.empty(DeviceKind.PANEL, "P-1").with(second).with(first);

    @Test
    void shouldAttributeTheDeviceToTheOwnerOfEachSideOfAMove() {
        assertThat(history.at(MOVE.minusMillis(1))).contains(first);
        assertThat(history.at(MOVE)).contains(second);
        assertThat(history.at(Instant.parse("2030-01-01T00:00:00Z"))).contains(second);
        assertThat(history.at(Instant.parse("2024-12-31T23:59:59Z"))).isEmpty();
    }

    @Test
    void shouldKeepPeriodsInStartOrder() {
        assertThat(history.periods()).containsExactly(first, second);
    }

    @Test
    void shouldTreatAdjacentPeriodsAsNotOverlapping() {
        assertThat(first.overlaps(second)).isFalse();
        assertThat(second.overlaps(first)).isFalse();
    }

    @Test
    void shouldFindTheConflictingPeriod() {
        ClientRel late =
                ClientRel.of(
                        DeviceKind.PANEL,
                        "P-1",
                        "C-C",
                        Instant.parse("2027-01-01T00:00:00Z"),
                        null);
        ClientRel inside =
                ClientRel.of(
                        DeviceKind.PANEL,
                        "P-1",
                        "C-C",
                        Instant.parse("2025-06-01T00:00:00Z"),
                        Instant.parse("2025-07-01T00:00:00Z"));
        ClientRel before =
                ClientRel.of(
                        DeviceKind.PANEL,
                        "P-1",
                        "C-C",
                        Instant.parse("2024-01-01T00:00:00Z"),
                        Instant.parse("2025-01-01T00:00:00Z"));

        assertThat(history.conflictWith(late)).contains(second);
        assertThat(history.conflictWith(inside)).contains(first);
        assertThat(history.conflictWith(before)).isEmpty();
    }

    @Test
    void shouldCloseAnOpenRelation() {
        ClientRel closed = second.endingAt(Instant.parse("2027-01-01T00:00:00Z"));

        assertThat(closed.validTo()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
        assertThat(closed.validFrom()).isEqualTo(MOVE);
        assertThat(history.replacing(second, closed).periods()).containsExactly(first, closed);
    }

    @Test
    void shouldNameTheKindOnlyWhenExactlyOneDeviceIsSet() {
        ClientRel two =
                new ClientRel("C-A", "P-1", "L-1", null, null, MOVE, null, MOVE, null, null, null);
        assertThat(first.kind()).isEqualTo(DeviceKind.PANEL);
        assertThat(two.kind()).isNull();
        assertThat(CatalogIds.isValid("P-1")).isTrue();
        assertThat(CatalogIds.isValid("-bad")).isFalse();
    }

    @Test
    void shouldCutTimeIntoStretchesWithTheRelationValidInEach() {
        Instant start = first.validFrom();
        assertThat(history.stretches())
                .containsExactly(
                        new RelationStretch(null, start, null),
                        new RelationStretch(start, MOVE, first),
                        new RelationStretch(MOVE, null, second));
    }

    @Test
    void shouldLeaveNoOwnerBetweenPeriodsAndAfterTheLast() {
        Instant back = Instant.parse("2026-09-01T00:00:00Z");
        Instant end = Instant.parse("2026-12-01T00:00:00Z");
        ClientRel closed = ClientRel.of(DeviceKind.PANEL, "P-1", "C-A", first.validFrom(), MOVE);
        ClientRel later = ClientRel.of(DeviceKind.PANEL, "P-1", "C-B", back, end);
        ClientRelHistory gaps =
                ClientRelHistory.empty(DeviceKind.PANEL, "P-1").with(closed).with(later);
        assertThat(gaps.stretches())
                .extracting(RelationStretch::rel)
                .containsExactly(null, closed, null, later, null);
        assertThat(gaps.at(MOVE.plusSeconds(60))).isEmpty();
        assertThat(gaps.at(end)).isEmpty();
        assertThat(gaps.at(end.minusMillis(1))).contains(later);
    }

    @Test
    void shouldLetTheLaterStartWinShouldPeriodsOverlap() {
        ClientRel open = ClientRel.of(DeviceKind.PANEL, "P-1", "C-A", first.validFrom(), null);
        ClientRel inside =
                ClientRel.of(
                        DeviceKind.PANEL,
                        "P-1",
                        "C-B",
                        MOVE,
                        Instant.parse("2026-07-01T00:00:00Z"));
        ClientRelHistory overlapping =
                ClientRelHistory.empty(DeviceKind.PANEL, "P-1").with(open).with(inside);
        assertThat(overlapping.at(MOVE.minusMillis(1))).contains(open);
        assertThat(overlapping.at(MOVE)).contains(inside);
        assertThat(overlapping.at(Instant.parse("2026-08-01T00:00:00Z"))).isEmpty();
    }
}
