package io.controlautogeneracion.simulator;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.solar.Erbs;
import io.controlautogeneracion.solar.Extraterrestrial;
import io.controlautogeneracion.solar.IrradianceComponents;
import io.controlautogeneracion.solar.LightEstimator;
import io.controlautogeneracion.solar.SolarPosition;
import io.controlautogeneracion.solar.Transposition;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each device measures at an instant. A panel: the site's global horizontal irradiance split
 * by Erbs and transposed onto its plane (Hay–Davies), times its peak power and the performance
 * ratio the pipelines assume (0.8), its own health (±4 %) and a cell-temperature loss, clipped at
 * its peak power; its energy counter integrates that power. A light sensor: the same sky in lux
 * (120 lux per W/m², the pipelines' factor). An anemometer: {@link Wind}. Faults as {@link Faults}.
 */
final class Readings {

    /** Daylight luminous efficacy, the same factor the light pipeline divides by. */
    static final double LUX_PER_WM2 = LightEstimator.DEFAULT_LUX_PER_WM2;

    private static final double HOUR_MS = 3_600_000.0;
    private static final double DAY_MS = 86_400_000.0;

    private final Noise noise;
    private final Faults faults;
    private final Sky sky;
    private final Wind wind;
    private final LightEstimator estimator = new LightEstimator();
    private final double[] energy;
    private final double[] lastPower;
    private final long[] lastMs;
    private final String[] ids;
    private final Map<String, Double> frozenLux = new HashMap<>();

    Readings(Noise noise, Faults faults, SimDevice[] devices, Instant from, SimState resume) {
        this.noise = noise;
        this.faults = faults;
        this.sky = new Sky(noise);
        this.wind = new Wind(noise);
        this.energy = new double[devices.length];
        this.lastPower = new double[devices.length];
        this.lastMs = new long[devices.length];
        this.ids = new String[devices.length];
        for (int i = 0; i < devices.length; i++) {
            SimDevice d = devices[i];
            ids[i] = d.id();
            lastMs[i] = Long.MIN_VALUE;
            SimState.Counter saved = resume == null ? null : resume.counters().get(d.id());
            if (saved != null) {
                energy[i] = saved.energyWh();
                lastPower[i] = saved.powerW();
                lastMs[i] = saved.atMs();
            } else if (d.kind() == DeviceKind.PANEL) {
                energy[i] = initialCounter(d, from.toEpochMilli());
            }
        }
    }

    /**
     * A plausible lifetime counter at the start: about 3.6 kWh per kWp and day since installation,
     * ±10 %.
     */
    private double initialCounter(SimDevice d, long ms) {
        double days =
                d.installed() == null
                        ? 0
                        : Math.max(0, (ms - d.installed().toEpochMilli()) / DAY_MS);
        double u = noise.uniform(Noise.stream(d.id(), "counter"), 0);
        return Math.round(days * d.powerCap() * 3.6 * (0.9 + 0.2 * u) * 10) / 10.0;
    }

    /** The fields of device {@code i}'s message at {@code ms}, or null when it sends nothing. */
    List<String[]> fields(SimDevice d, int i, long ms) {
        if (!d.installedBy(ms)) {
            return null;
        }
        return switch (d.kind()) {
            case PANEL -> panel(d, i, ms);
            case LIGHT -> light(d, ms);
            case WIND -> faults.active(d.id(), faults.silentWind(), ms) ? null : wind(d, ms);
        };
    }

    private List<String[]> panel(SimDevice d, int i, long ms) {
        SimSite site = d.siteAt(ms);
        SolarPosition sun = sky.sun(site, ms);
        int day = dayOfYear(ms);
        double ghi = sky.ghi(site, sun, ms, day);
        double air = sky.airTemperature(site, ms, day);
        double power = 0;
        double poa = 0;
        if (ghi > 0) {
            double e0 = Extraterrestrial.irradiance(day);
            IrradianceComponents parts = Erbs.decomposeWithExtraterrestrial(ghi, sun.zenith(), e0);
            poa =
                    Transposition.HAY_DAVIES
                            .planeOfArray(
                                    d.plane(),
                                    sun.zenith(),
                                    sun.azimuth(),
                                    parts,
                                    e0,
                                    Transposition.DEFAULT_ALBEDO)
                            .global();
            double cell = air + poa / 800 * 22;
            double thermal = 1 - 0.004 * Math.max(0, cell - 25);
            double health = 0.96 + 0.08 * noise.uniform(Noise.stream(d.id(), "health"), 0);
            if (faults.active(d.id(), faults.underProducingPanel(), ms)) {
                health *= Faults.UNDER_PRODUCTION;
            }
            power = Math.min(d.powerCap(), estimator.power(d.powerCap(), poa) * health * thermal);
            power = Math.round(power * 10) / 10.0;
        }
        if (lastMs[i] != Long.MIN_VALUE && ms - lastMs[i] <= HOUR_MS) {
            energy[i] += (lastPower[i] + power) / 2 * (ms - lastMs[i]) / HOUR_MS;
        }
        lastPower[i] = power;
        lastMs[i] = ms;
        double cell = air + poa / 800 * 22;
        double volts =
                power > 0 ? 36 * (1 - 0.003 * (cell - 25)) * Math.min(1, 0.9 + poa / 2000) : 0;
        List<String[]> f = new ArrayList<>(7);
        f.add(text("panel_id", d.id()));
        f.add(text("timestamp", Instant.ofEpochMilli(ms).toString()));
        f.add(number("power_w", power, 1));
        f.add(number("energy_wh", energy[i], 1));
        f.add(number("voltage_v", volts, 2));
        f.add(number("current_a", volts > 0 ? power / volts : 0, 3));
        f.add(number("temperature_c", cell, 1));
        return f;
    }

    private List<String[]> light(SimDevice d, long ms) {
        SimSite site = d.siteAt(ms);
        double lux;
        if (faults.active(d.id(), faults.frozenLight(), ms)) {
            // A frozen sensor repeats what it read when it froze.
            lux = frozenLux.computeIfAbsent(d.id(), id -> lux(d, faults.onset().toEpochMilli()));
        } else {
            lux = lux(d, ms);
        }
        double air = sky.airTemperature(site, ms, dayOfYear(ms));
        List<String[]> f = new ArrayList<>(4);
        f.add(text("light_id", d.id()));
        // Light sensors send epoch milliseconds, the other devices ISO-8601: both are valid.
        f.add(new String[] {"timestamp", Long.toString(ms)});
        f.add(number("lux", lux, 0));
        f.add(number("temperature_c", air, 1));
        return f;
    }

    private double lux(SimDevice d, long ms) {
        SimSite site = d.siteAt(ms);
        SolarPosition sun = sky.sun(site, ms);
        double ghi = sky.ghi(site, sun, ms, dayOfYear(ms));
        if (ghi <= 0) {
            return 0;
        }
        double sensor = 1 + 0.01 * noise.gaussian(Noise.stream(d.id(), "lux"), ms);
        return Math.min(199_000, Math.max(0, ghi * LUX_PER_WM2 * sensor));
    }

    private List<String[]> wind(SimDevice d, long ms) {
        Wind.Sample s = wind.sample(d.id(), d.siteAt(ms), ms);
        List<String[]> f = new ArrayList<>(5);
        f.add(text("wind_id", d.id()));
        f.add(text("timestamp", Instant.ofEpochMilli(ms).toString()));
        f.add(number("wind_speed", s.speed(), 2));
        f.add(number("wind_direction", s.direction(), 0));
        f.add(number("gust", s.gust(), 2));
        return f;
    }

    /** Each panel's energy counter with its last power and instant, for a {@link SimState}. */
    Map<String, SimState.Counter> counters() {
        Map<String, SimState.Counter> counters = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (lastMs[i] != Long.MIN_VALUE) {
                counters.put(ids[i], new SimState.Counter(energy[i], lastPower[i], lastMs[i]));
            }
        }
        return counters;
    }

    private static int dayOfYear(long ms) {
        return Instant.ofEpochMilli(ms).atOffset(ZoneOffset.UTC).getDayOfYear();
    }

    private static String[] text(String name, String value) {
        return new String[] {name, Json.string(new StringBuilder(), value).toString()};
    }

    private static String[] number(String name, double value, int decimals) {
        return new String[] {name, Json.number(new StringBuilder(), value, decimals).toString()};
    }
}
