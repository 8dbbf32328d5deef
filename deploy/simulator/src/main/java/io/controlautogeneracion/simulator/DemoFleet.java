package io.controlautogeneracion.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.controlautogeneracion.model.catalog.Client;
import io.controlautogeneracion.model.catalog.ClientRel;
import io.controlautogeneracion.model.catalog.Panel;
import io.controlautogeneracion.model.catalog.SensorLight;
import io.controlautogeneracion.model.catalog.SensorWind;
import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.solar.Plane;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the demo fleet from the catalog's own import file ({@code demo/fleet.json}, the document
 * catalog-service loads at start) with the model's catalog records, so the simulated devices are
 * exactly the catalogued ones, with their owners' locations over time.
 */
final class DemoFleet {

    static final String RESOURCE = "/demo/fleet.json";

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    /** Panels without a plane in the catalog face south at 30°. */
    private static final Plane DEFAULT_PLANE = new Plane(30, 180);

    private DemoFleet() {}

    /** The fleet from the file, or the bundled demo fleet when {@code file} is null. */
    static List<SimDevice> load(Path file) {
        try (InputStream in =
                file == null
                        ? DemoFleet.class.getResourceAsStream(RESOURCE)
                        : Files.newInputStream(file)) {
            if (in == null) {
                throw new SimulatorException("the demo fleet " + RESOURCE + " is not bundled");
            }
            return parse(JSON.readTree(in));
        } catch (IOException e) {
            throw new SimulatorException(
                    "cannot read the fleet " + (file == null ? RESOURCE : file) + ": " + e, e);
        }
    }

    static List<SimDevice> parse(JsonNode fleet) throws IOException {
        Map<String, SimSite> sites = new HashMap<>();
        for (JsonNode node : fleet.path("clients")) {
            Client c = JSON.treeToValue(node, Client.class);
            if (c.latitude() != null && c.longitude() != null) {
                sites.put(c.clientId(), SimSite.of(c.clientId(), c.latitude(), c.longitude()));
            }
        }
        Map<String, List<SimDevice.Ownership>> owners = new HashMap<>();
        for (JsonNode node : fleet.path("clients_rel")) {
            ClientRel rel = JSON.treeToValue(node, ClientRel.class);
            SimSite site = sites.get(rel.clientId());
            if (rel.kind() != null && site != null && rel.validFrom() != null) {
                owners.computeIfAbsent(rel.deviceId(), k -> new ArrayList<>())
                        .add(new SimDevice.Ownership(rel.validFrom(), rel.validTo(), site));
            }
        }
        owners.values().forEach(list -> list.sort(Comparator.comparing(o -> o.from())));
        Map<String, SimDevice> devices = new LinkedHashMap<>();
        for (JsonNode node : fleet.path("panels")) {
            Panel p = JSON.treeToValue(node, Panel.class);
            Plane plane =
                    p.tilt() == null
                            ? DEFAULT_PLANE
                            : new Plane(p.tilt(), p.azimuth() == null ? 180 : p.azimuth());
            add(
                    devices,
                    owners,
                    DeviceKind.PANEL,
                    p.panelId(),
                    p.installDate(),
                    p.powerCap(),
                    plane);
        }
        for (JsonNode node : fleet.path("sensor_lights")) {
            SensorLight l = JSON.treeToValue(node, SensorLight.class);
            add(
                    devices,
                    owners,
                    DeviceKind.LIGHT,
                    l.lightId(),
                    l.installDate(),
                    l.powerCap(),
                    null);
        }
        for (JsonNode node : fleet.path("sensor_winds")) {
            SensorWind w = JSON.treeToValue(node, SensorWind.class);
            add(devices, owners, DeviceKind.WIND, w.windId(), w.installDate(), null, null);
        }
        return List.copyOf(devices.values());
    }

    private static void add(
            Map<String, SimDevice> devices,
            Map<String, List<SimDevice.Ownership>> owners,
            DeviceKind kind,
            String id,
            LocalDate installed,
            Double powerCap,
            Plane plane) {
        List<SimDevice.Ownership> own = owners.get(id);
        if (own == null) {
            // A device without a located owner has no sky to simulate.
            return;
        }
        Instant since =
                installed == null ? null : installed.atStartOfDay(ZoneOffset.UTC).toInstant();
        devices.put(
                id, new SimDevice(kind, id, own, since, powerCap == null ? 0 : powerCap, plane));
    }

    /**
     * The fleet multiplied {@code times} over for load tests: copy {@code k} (2, 3, …) of a device
     * has the id {@code <id>-k}, the same owners and plane, and its own noise and schedule. The
     * catalog does not know the copies, so the pipelines enrich them with nulls.
     */
    static List<SimDevice> multiplied(List<SimDevice> fleet, int times) {
        if (times <= 1) {
            return fleet;
        }
        List<SimDevice> all = new ArrayList<>(fleet.size() * times);
        all.addAll(fleet);
        for (int k = 2; k <= times; k++) {
            for (SimDevice d : fleet) {
                all.add(d.copy(d.id() + "-" + k));
            }
        }
        return all;
    }
}
