package io.controlautogeneracion.pipelines.light;

import io.controlautogeneracion.pipelines.panel.ExpectedEnergy;
import io.controlautogeneracion.pipelines.panel.PanelHour;
import io.controlautogeneracion.solar.LightEstimate;
import io.controlautogeneracion.solar.LightEstimator;
import io.controlautogeneracion.solar.Plane;
import io.controlautogeneracion.solar.Site;
import java.io.Serializable;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Expected panel energy from the client's light sensor in the same hour: the sensor's 5-minute bins
 * transposed to the panel's own plane and peak power (solar module's {@link LightEstimator}),
 * averaged over the bins with readings, for the share of the hour the panel's readings cover; bins
 * with the sun below the horizon expect nothing. Without a sensor, a location or a peak power, or
 * with a frozen sensor, there is no expectation from here.
 */
public final class SensorLightExpectation implements ExpectedEnergy.Source, Serializable {
    private final Map<String, LightHour> byClientHour = new HashMap<>();
    private final LightEstimator estimator;

    public SensorLightExpectation(List<LightHour> hours, LightEstimator estimator) {
        this.estimator = estimator;
        for (LightHour h : hours) {
            // A stuck sensor says nothing about the sky (sensor_alarm reports it).
            if (h.facts().clientId() != null && h.samples() > 0 && !h.frozen()) {
                // One sensor per client and hour: the lowest id, whatever the order of the run.
                byClientHour.merge(
                        key(h.facts().clientId(), h.slot()),
                        h,
                        (a, b) -> a.lightId().compareTo(b.lightId()) <= 0 ? a : b);
            }
        }
    }

    @Override
    public ExpectedEnergy expected(PanelHour p) {
        if (p.facts().clientId() == null
                || p.facts().powerCap() == null
                || !p.facts().hasLocation()) {
            return null;
        }
        LightHour light = byClientHour.get(key(p.facts().clientId(), p.slot()));
        if (light == null) {
            return null;
        }
        Site site = Site.at(p.facts().latitude(), p.facts().longitude());
        double tilt = p.facts().tilt() == null ? Math.abs(site.latitude()) : p.facts().tilt();
        double azimuth =
                p.facts().azimuth() == null
                        ? (site.latitude() >= 0 ? 180 : 0)
                        : p.facts().azimuth();
        Plane plane = new Plane(tilt, azimuth);
        double total = 0;
        int n = 0;
        for (int b = 0; b < LightHour.BINS; b++) {
            if (!Double.isNaN(light.binLux()[b])) {
                LightEstimate e =
                        estimator.estimate(
                                site,
                                plane,
                                p.facts().powerCap(),
                                light.binMiddle(b),
                                light.binLux()[b]);
                // Light with the sun below the horizon is not sunlight: no energy is expected.
                total += e.zenith() < 90 ? e.powerW() : 0;
                n++;
            }
        }
        if (n == 0) {
            return null;
        }
        return new ExpectedEnergy(total / n * p.expectedShare(), "light sensor " + light.lightId());
    }

    private static String key(String clientId, Instant slot) {
        return clientId + "@" + slot;
    }
}
