package io.controlautogeneracion.model.reading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ValidationRulesTest {

    @Test
    void shouldDefaultToTheSpecBounds() {
        assertThat(ValidationRules.defaults())
                .isEqualTo(
                        new ValidationRules(
                                Duration.ofMinutes(5), Duration.ofDays(7), 200_000, 113));
    }

    @Test
    void shouldRefuseBoundsThatWouldRejectEverything() {
        assertThatThrownBy(
                        () -> new ValidationRules(Duration.ofMinutes(-1), Duration.ofDays(7), 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValidationRules(Duration.ZERO, Duration.ZERO, 1, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(
                        () -> new ValidationRules(Duration.ZERO, Duration.ofDays(1), Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ValidationRules(Duration.ZERO, Duration.ofDays(1), 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
