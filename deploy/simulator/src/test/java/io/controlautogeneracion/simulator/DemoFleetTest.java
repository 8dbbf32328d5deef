package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.model.reading.DeviceKind;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemoFleetTest {

    @Test
    void shouldReadTheCatalogsDemoFleet() {
        assertThat(SimRuns.FLEET.stream().filter(d -> d.kind() == DeviceKind.PANEL)).hasSize(490);
        assertThat(SimRuns.FLEET.stream().filter(d -> d.kind() == DeviceKind.LIGHT)).hasSize(40);
        assertThat(SimRuns.FLEET.stream().filter(d -> d.kind() == DeviceKind.WIND)).hasSize(40);
        SimDevice p1 = SimRuns.device("P-00001");
        assertThat(p1.powerCap()).isEqualTo(400);
        assertThat(p1.plane().tilt()).isEqualTo(31);
        assertThat(p1.plane().azimuth()).isEqualTo(194);
    }

    @Test
    void shouldPlaceAMovedDeviceAtItsOwnerOfTheInstant() {
        long move = Instant.parse("2026-06-01T00:00:00Z").toEpochMilli();
        SimDevice p1 = SimRuns.device("P-00001");
        assertThat(p1.siteAt(move - 1).clientId()).isEqualTo("C-0001");
        assertThat(p1.siteAt(move).clientId()).isEqualTo("C-0002");
        // W-0001 moves from Zaragoza to Madrid: its wind comes from another region.
        SimDevice w1 = SimRuns.device("W-0001");
        assertThat(w1.siteAt(move - 1).region()).isNotEqualTo(w1.siteAt(move).region());
    }

    @Test
    void shouldMultiplyTheFleetForLoadTests() {
        var three = DemoFleet.multiplied(SimRuns.FLEET, 3);
        assertThat(three).hasSize(3 * 570);
        assertThat(three)
                .extracting(SimDevice::id)
                .doesNotHaveDuplicates()
                .contains("P-00001-3", "W-0040-2");
    }
}
