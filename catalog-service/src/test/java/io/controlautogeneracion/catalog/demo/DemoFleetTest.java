package io.controlautogeneracion.catalog.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DemoFleetTest {
    private static final Path FILE = Path.of("src/main/resources/demo/fleet.json");

    @Test
    void shouldMatchTheGeneratorSoTheFleetStaysDeterministic() throws IOException {
        if (Boolean.getBoolean("demo.regenerate")) {
            DemoFleetGenerator.main(new String[] {FILE.toString()});
        }
        assertThat(Files.readString(FILE))
                .as(
                        "regenerate with: ./mvnw -pl catalog-service test -Dtest=DemoFleetTest"
                                + " -Ddemo.regenerate=true")
                .isEqualTo(DemoFleetGenerator.render());
    }

    @Test
    void shouldCoverTheShapeTheLocalStackNeeds() {
        JsonNode fleet = DemoFleetLoader.read("demo/fleet.json");
        Set<String> postalCodes = new HashSet<>();
        Set<String> zones = new HashSet<>();
        fleet.path("clients")
                .forEach(
                        c -> {
                            postalCodes.add(c.path("postal_code").asText());
                            zones.add(c.path("timezone").asText());
                        });
        Set<String> models = new HashSet<>();
        fleet.path("panels").forEach(p -> models.add(p.path("model").asText()));
        long moved = 0;
        for (JsonNode r : fleet.path("clients_rel")) {
            if (r.has("end_panel_date") || r.has("end_wind_date")) {
                moved++;
            }
        }

        assertThat(fleet.path("clients").size()).isGreaterThanOrEqualTo(200);
        assertThat(postalCodes).hasSizeGreaterThanOrEqualTo(5);
        assertThat(zones).containsExactlyInAnyOrder("Europe/Madrid", "Atlantic/Canary");
        assertThat(models).hasSizeGreaterThanOrEqualTo(3);
        assertThat(fleet.path("sensor_lights").size()).isPositive();
        assertThat(fleet.path("sensor_winds").size()).isPositive();
        assertThat(moved).isGreaterThanOrEqualTo(1);
    }
}
