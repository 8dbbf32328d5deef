package io.controlautogeneracion.model.reading;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
        "PT0S,          0 s",
        "PT0.5S,        less than 1 s",
        "PT1S,          1 s",
        "PT5M,          5 min",
        "PT10M3S,       10 min 3 s",
        "PT1H0M7S,      1 h 7 s",
        "P1D,           1 day",
        "P7D,           7 days",
        "P7DT30M,       7 days 30 min",
        "P8DT2H3M4S,    8 days 2 h",
        "P365D,         365 days"
    })
    void shouldDescribeTheTwoLargestUnits(Duration duration, String text) {
        assertThat(Durations.describe(duration)).isEqualTo(text);
    }
}
