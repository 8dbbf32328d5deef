package io.controlautogeneracion.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SimulatorOptionsTest {

    @Test
    void shouldReadDurationsWithTheirUnits() {
        assertThat(SimulatorOptions.duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(SimulatorOptions.duration("1.5m")).isEqualTo(Duration.ofSeconds(90));
        assertThat(SimulatorOptions.duration("PT2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void shouldRefuseAnEmptyOrUnitlessDurationWithAReason() {
        assertThatThrownBy(() -> SimulatorOptions.duration(""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a duration: ''");
        assertThatThrownBy(() -> SimulatorOptions.duration("12"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("12");
    }

    @Test
    void shouldRefuseAPeriodThatIsNotPositive() {
        assertThatThrownBy(
                        () ->
                                SimulatorOptions.parse(
                                        new String[] {"--dry-run", "--period", "wind=0s"}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--period WIND=PT0S: a period must be positive");
    }
}
