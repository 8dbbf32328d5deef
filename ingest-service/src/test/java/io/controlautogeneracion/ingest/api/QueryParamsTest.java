package io.controlautogeneracion.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class QueryParamsTest {

    private static final Instant NOW = Instant.parse("2026-11-28T13:00:00Z");
    private static final Duration MAX = Duration.ofDays(31);

    @Test
    void shouldDefaultToTheLastHour() {
        assertThat(QueryParams.range(null, "", NOW, MAX))
                .isEqualTo(new QueryParams.Range(NOW.minusSeconds(3600), NOW));
    }

    @Test
    void shouldReadIsoWithOffsetAndEpochMillis() {
        QueryParams.Range range =
                QueryParams.range(
                        "2026-11-28T13:00:00+01:00", String.valueOf(NOW.toEpochMilli()), NOW, MAX);
        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-28T12:00:00Z"));
        assertThat(range.to()).isEqualTo(NOW);
    }

    @Test
    void shouldRefuseBadValuesNamingTheParameter() {
        assertThatThrownBy(() -> QueryParams.range("noon", null, NOW, MAX))
                .hasMessageContaining("'from'");
        assertThatThrownBy(
                        () ->
                                QueryParams.range(
                                        null,
                                        NOW.minusSeconds(7200).toString(),
                                        NOW.minusSeconds(7200),
                                        Duration.ofMinutes(5)))
                .hasMessageContaining("longer");
        assertThatThrownBy(() -> QueryParams.bucket("1d", Duration.ofSeconds(10)))
                .hasMessageContaining("10s, 1m, 1h");
        assertThatThrownBy(() -> QueryParams.bucket("10s", Duration.ofSeconds(4)))
                .hasMessageContaining("multiple");
        assertThatThrownBy(() -> QueryParams.limit("1001", 100, 1000))
                .hasMessageContaining("'limit'");
        assertThatThrownBy(() -> QueryParams.page("x")).hasMessageContaining("'page'");
        assertThat(QueryParams.limit(null, 100, 1000)).isEqualTo(100);
        assertThat(QueryParams.bucket(null, Duration.ofSeconds(10)))
                .isEqualTo(Duration.ofMinutes(1));
    }
}
