package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.pipelines.wind.CatalogColumns;
import io.controlautogeneracion.solar.ClearSky;
import io.controlautogeneracion.solar.Site;
import io.controlautogeneracion.solar.Spa;
import java.time.Instant;

/** Light sensor hours for the light tests: one reading per 5-minute bin. */
final class LightFixtures {
    static final double LAT = 40.4;
    static final double LON = -3.7;

    private LightFixtures() {}

    /** A 400 Wp panel of {@code clientId} in Madrid, 35° tilt, facing south. */
    static CatalogFacts madridPanel(String clientId) {
        return new CatalogFacts(
                true,
                new CatalogColumns(clientId, null, null, null, null, null, "PV", null, null),
                "Europe/Madrid",
                LAT,
                LON,
                35.0,
                180.0,
                400.0,
                null,
                null);
    }

    static CatalogFacts madrid(String clientId) {
        return new CatalogFacts(
                true,
                new CatalogColumns(
                        clientId, "Calle 1", "28013", "Ana", "Uno", "Dos", "LUX-1", null, null),
                "Europe/Madrid",
                LAT,
                LON,
                null,
                null,
                null,
                null,
                null);
    }

    /** An hour whose 5-minute bins read {@code lux} (one reading each). */
    static LightHour hour(String lightId, Instant slot, CatalogFacts facts, double... lux) {
        LightSamples s = new LightSamples();
        for (int b = 0; b < lux.length; b++) {
            s.add(slot.toEpochMilli() + b * LightHour.BIN_MS, lux[b]);
        }
        return LightOfHour.of(lightId, slot.toEpochMilli(), s).withFacts(facts);
    }

    /** An hour of clear-sky illuminance (Haurwitz × 120 lux per W/m²) at the fixtures' site. */
    static LightHour clear(String lightId, Instant slot, CatalogFacts facts) {
        double[] lux = new double[LightHour.BINS];
        for (int b = 0; b < lux.length; b++) {
            lux[b] = clearLux(slot.plusMillis(b * LightHour.BIN_MS));
        }
        return hour(lightId, slot, facts, lux);
    }

    static double clearLux(Instant t) {
        double zenith = Spa.position(t, Site.at(LAT, LON)).zenith();
        return zenith >= 90 ? 0 : ClearSky.haurwitz(zenith) * 120;
    }

    static double[] constant(double lux) {
        double[] v = new double[LightHour.BINS];
        java.util.Arrays.fill(v, lux);
        return v;
    }
}
