package io.controlautogeneracion.dashboards;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.controlautogeneracion.testing.ProjectFiles;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a browser sends by name becomes the typed, positional parameters of a named query, or a 400
 * naming what is wrong: never SQL, never an unbounded range.
 */
class QueryParametersTest {
    private final QueryCatalog catalog = QueryCatalog.load(ProjectFiles.path("druid/queries"));

    @Test
    void shouldBindNamedValuesInTheQuerysOrderWithTheirTypes() {
        NamedQuery hourly = catalog.get("panel_generation_hourly");

        var values =
                QueryParameters.bind(
                        hourly,
                        Map.of(
                                "range_to", "2026-06-03T00:00:00Z",
                                "selected", "28001",
                                "scope", "postal_code",
                                "range_from", "2026-06-01T00:00:00Z"));

        assertThat(values)
                .containsExactly(
                        "postal_code",
                        "postal_code",
                        "28001",
                        Instant.parse("2026-06-01T00:00:00Z"),
                        Instant.parse("2026-06-03T00:00:00Z"));
    }

    @Test
    void shouldGiveANameDocumentedTwiceTheSameValueAtBothPlaces() {
        var values =
                QueryParameters.bind(
                        catalog.get("panel_data_quality"),
                        Map.of(
                                "min_coverage", "0.9",
                                "range_from", "2026-06-01T00:00:00Z",
                                "range_to", "2026-07-01T00:00:00Z"));

        assertThat(values)
                .containsExactly(
                        0.9,
                        Instant.parse("2026-06-01T00:00:00Z"),
                        Instant.parse("2026-07-01T00:00:00Z"),
                        0.9);
    }

    @Test
    void shouldBindIntegersAsLongsAndTakeNothingForAQueryWithoutParameters() {
        assertThat(QueryParameters.bind(catalog.get("wind_speed_per_minute"), Map.of("hours", "6")))
                .containsExactly(6L);
        assertThat(QueryParameters.bind(catalog.get("wind_open_episodes"), Map.of())).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "scope=postal_code;selected=28001;range_from=2026-06-01T00:00:00Z | needs the"
                        + " parameter 'range_to'",
                "scope=postal_code;selected=28001;range_from=2026-06-01T00:00:00Z;range_to=2026-06-02T00:00:00Z;extra=1"
                    + " | unknown parameter 'extra': panel_generation_hourly takes range_from,"
                    + " range_to, scope, selected",
                "scope=client_id OR 1=1"
                    + " --;selected=x;range_from=2026-06-01T00:00:00Z;range_to=2026-06-02T00:00:00Z"
                    + " | scope must be one of [client_id, model, postal_code]",
                "scope=model;selected=;range_from=2026-06-01T00:00:00Z;range_to=2026-06-02T00:00:00Z"
                    + " | selected must be 1 to 200 printable characters",
                "scope=model;selected=SP-400;range_from=yesterday;range_to=2026-06-02T00:00:00Z"
                        + " | range_from 'yesterday' is not an ISO-8601 instant",
                "scope=model;selected=SP-400;range_from=2026-06-02T00:00:00Z;range_to=2026-06-01T00:00:00Z"
                    + " | range_from 2026-06-02T00:00:00Z is not before range_to",
                "scope=model;selected=SP-400;range_from=2025-01-01T00:00:00Z;range_to=2026-06-01T00:00:00Z"
                    + " | is longer than 400 days",
                "scope=model;selected=SP-400;range_from=1970-01-01T00:00:00Z;range_to=1970-01-02T00:00:00Z"
                    + " | range_from must lie in [2000-01-01T00:00:00Z",
            })
    void shouldRefuseWhatIsMissingUnknownOrOutOfBounds(String given, String problem) {
        assertThatThrownBy(
                        () ->
                                QueryParameters.bind(
                                        catalog.get("panel_generation_hourly"), parse(given)))
                .isInstanceOfSatisfying(
                        DashboardsException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageContaining(problem);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "wind_speed_per_minute   | hours=0                      | hours must be a whole"
                        + " number from 1 to 168",
                "wind_speed_per_minute   | hours=169                    | from 1 to 168",
                "wind_speed_per_minute   | hours=6 OR 1=1              | from 1 to 168",
                "underproducing_panels   |"
                    + " range_from=2026-06-01T00:00:00Z;range_to=2026-07-01T00:00:00Z;max_panels=5000"
                    + " | max_panels must be a whole number from 1 to 1000",
                "panel_data_quality      |"
                    + " min_coverage=1.5;range_from=2026-06-01T00:00:00Z;range_to=2026-07-01T00:00:00Z"
                    + " | min_coverage must be a number from 0 to 1",
                "panel_data_quality      |"
                    + " min_coverage=NaN;range_from=2026-06-01T00:00:00Z;range_to=2026-07-01T00:00:00Z"
                    + " | min_coverage must be a number from 0 to 1",
                "panel_generation_daily  |"
                    + " time_zone=Mars/Olympus;scope=model;selected=SP-400;range_from=2026-06-01T00:00:00Z;range_to=2026-07-01T00:00:00Z"
                    + " | time_zone 'Mars/Olympus' is not an IANA time zone",
            })
    void shouldBoundNumbersAndCheckTimeZones(String query, String given, String problem) {
        assertThatThrownBy(() -> QueryParameters.bind(catalog.get(query), parse(given)))
                .isInstanceOf(DashboardsException.class)
                .hasMessageContaining(problem);
    }

    @Test
    void shouldAnswer404ForAQueryThatDoesNotExist() {
        assertThatThrownBy(() -> catalog.get("panel_generation_hourly_v2"))
                .isInstanceOfSatisfying(
                        DashboardsException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("panel_generation_hourly_v2");
    }

    private static Map<String, String> parse(String given) {
        Map<String, String> params = new HashMap<>();
        for (String pair : given.split(";")) {
            int eq = pair.indexOf('=');
            params.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
        }
        return params;
    }
}
