package io.controlautogeneracion.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldWriteClientWithTheSeedFieldNames() throws Exception {
        Client client =
                new Client(
                        "C-1",
                        "Calle Mayor 1",
                        "28013",
                        "12345678Z",
                        LocalDate.of(2024, 1, 15),
                        null,
                        "residential",
                        "Ana",
                        "García",
                        "López",
                        40.4168,
                        -3.7038,
                        "Europe/Madrid");

        String json = mapper.writeValueAsString(client);

        assertThat(json)
                .contains(
                        "\"client_id\":\"C-1\"",
                        "\"postal_code\":\"28013\"",
                        "\"client_signature\"",
                        "\"open_date\":\"2024-01-15\"",
                        "\"apell_1\":\"García\"",
                        "\"apell_2\"",
                        "\"timezone\":\"Europe/Madrid\"")
                .doesNotContain("end_date", "\"zone\"");
        assertThat(mapper.readValue(json, Client.class)).isEqualTo(client);
    }

    @Test
    void shouldDefaultTheZoneToUtc() {
        Client client =
                new Client(
                        "C-1", null, null, null, null, null, null, null, null, null, null, null,
                        null);
        assertThat(client.zone().getId()).isEqualTo("UTC");
    }

    @Test
    void shouldRejectAMalformedDate() {
        assertThatThrownBy(
                        () ->
                                mapper.readValue(
                                        "{\"client_id\":\"C-1\",\"open_date\":\"15/01/2024\"}",
                                        Client.class))
                .isInstanceOf(InvalidFormatException.class);
    }

    @Test
    void shouldTellDevicesApartByTheirIdField() throws Exception {
        Panel panel =
                new Panel(
                        "P-1",
                        "SUN-400",
                        LocalDate.of(2023, 5, 1),
                        LocalDate.of(2024, 2, 1),
                        400.0,
                        new BigDecimal("120.50"),
                        new BigDecimal("180.00"),
                        25,
                        Map.of("roof", "north wing"),
                        null,
                        30.0,
                        180.0);
        SensorWind wind = new SensorWind("W-1", "ANEMO-2", null, null, null, null, 10, null);

        Device readPanel = mapper.readValue(mapper.writeValueAsString(panel), Device.class);
        Device readWind = mapper.readValue(mapper.writeValueAsString(wind), Device.class);

        assertThat(readPanel).isEqualTo(panel);
        assertThat(readPanel.kind()).isEqualTo(DeviceKind.PANEL);
        assertThat(readWind).isEqualTo(wind);
        assertThat(mapper.writeValueAsString(panel))
                .contains("\"panel_sold\":180.00", "\"live_cicle\":25", "\"variable_data\"");
    }

    @Test
    void shouldReadElementKindInAnyCase() throws Exception {
        Element element =
                mapper.readValue(
                        "{\"kind\":\"WIND\",\"model\":\"ANEMO-2\",\"thresholds\":"
                                + "{\"wind_warning_speed\":15,\"wind_storm_speed\":25}}",
                        Element.class);

        assertThat(element.kind()).isEqualTo(DeviceKind.WIND);
        assertThat(mapper.writeValueAsString(element)).startsWith("{\"kind\":\"wind\"");
        assertThat(element.thresholds().windStormSpeed()).isEqualTo(25.0);
    }

    @Test
    void shouldWriteOnlyTheDatesOfTheRelatedKind() throws Exception {
        ClientRel rel =
                ClientRel.of(
                        DeviceKind.LIGHT,
                        "L-1",
                        "C-1",
                        Instant.parse("2025-01-01T00:00:00Z"),
                        null);

        String json = mapper.writeValueAsString(rel);

        assertThat(json)
                .isEqualTo(
                        "{\"client_id\":\"C-1\",\"light_id\":\"L-1\","
                                + "\"init_sensor_date\":\"2025-01-01T00:00:00Z\"}");
        assertThat(mapper.readValue(json, ClientRel.class)).isEqualTo(rel);
    }

    @Test
    void shouldReadABareDateAsItsStartInUtc() throws Exception {
        ClientRel rel =
                mapper.readValue(
                        "{\"client_id\":\"C-1\",\"wind_id\":\"W-1\",\"init_wind_date\":\"2025-03-01\","
                            + "\"end_wind_date\":\"2025-03-02T01:00:00+01:00\"}",
                        ClientRel.class);

        assertThat(rel.validFrom()).isEqualTo(Instant.parse("2025-03-01T00:00:00Z"));
        assertThat(rel.validTo()).isEqualTo(Instant.parse("2025-03-02T00:00:00Z"));
    }
}
