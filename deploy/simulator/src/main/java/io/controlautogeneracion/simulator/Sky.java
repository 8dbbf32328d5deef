package io.controlautogeneracion.simulator;

import io.controlautogeneracion.solar.ClearSky;
import io.controlautogeneracion.solar.GeocentricSun;
import io.controlautogeneracion.solar.Site;
import io.controlautogeneracion.solar.SolarPosition;
import io.controlautogeneracion.solar.Spa;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The sun and the clouds over every site. Sun: the solar module's NREL SPA, its geocentric half
 * computed once a minute and advanced by Earth's rotation within the minute (right ascension and
 * declination move under 0.001° in a minute), its topocentric half once per site and instant.
 * Clouds: a cover in [0, 1] per weather region, correlated noise with a slow (8 h) and a fast (50
 * min) part shared by every site of the region, biased by season and latitude, plus a few minutes'
 * flicker per site; the clear-sky index is 1 − 0.75 × cover.
 */
final class Sky {

    /** Earth's rotation: apparent sidereal time advances this many degrees per day of UT. */
    private static final double SIDEREAL_DEGREES_PER_DAY = 360.98564736629;

    private static final long MINUTE = 60_000;

    private final Noise noise;
    private long geoMinute = Long.MIN_VALUE;
    private GeocentricSun geo;
    private final Map<String, Cached> positions = new HashMap<>();

    private record Cached(long ms, SolarPosition position) {}

    Sky(Noise noise) {
        this.noise = noise;
    }

    /** Topocentric sun position at a site (apparent, with refraction). */
    SolarPosition sun(SimSite site, long ms) {
        Cached cached = positions.get(site.clientId());
        if (cached != null && cached.ms() == ms) {
            return cached.position();
        }
        long minute = Math.floorDiv(ms, MINUTE);
        if (minute != geoMinute) {
            geo = Spa.geocentric(Instant.ofEpochMilli(minute * MINUTE), Site.DEFAULT_DELTA_T);
            geoMinute = minute;
        }
        double days = (ms - minute * MINUTE) / 86_400_000.0;
        GeocentricSun g = days == 0 ? geo : rotated(geo, days);
        SolarPosition position = Spa.topocentric(g, site.solar());
        positions.put(site.clientId(), new Cached(ms, position));
        return position;
    }

    private static GeocentricSun rotated(GeocentricSun g, double days) {
        return new GeocentricSun(
                g.julianDay() + days,
                g.heliocentricLongitude(),
                g.heliocentricLatitude(),
                g.radiusVector(),
                g.nutationLongitude(),
                g.nutationObliquity(),
                g.trueObliquity(),
                g.apparentLongitude(),
                (g.apparentSiderealTime() + SIDEREAL_DEGREES_PER_DAY * days) % 360.0,
                g.rightAscension(),
                g.declination());
    }

    /** Cloud cover of a site's region, 0 (clear) to 1 (overcast). */
    double cover(SimSite site, long ms, int dayOfYear) {
        long region = Noise.stream(site.region(), "clouds");
        double n =
                0.6 * noise.smooth(region, ms, 8 * 3_600_000L)
                        + 0.6 * noise.smooth(region ^ 0x5bd1e995L, ms, 50 * MINUTE);
        // Clearer in summer and in the south, as over Spain.
        double season = Math.cos(2 * Math.PI * (dayOfYear - 172) / 365.0);
        double bias = -0.75 - 0.35 * season + 0.07 * (site.latitude() - 38);
        return 1 / (1 + Math.exp(-3 * (n + bias)));
    }

    /** Global horizontal irradiance (W/m²) at a site: Haurwitz clear sky × clear-sky index. */
    double ghi(SimSite site, SolarPosition sun, long ms, int dayOfYear) {
        double clear = ClearSky.haurwitz(sun.zenith());
        if (clear <= 0) {
            return 0;
        }
        double cover = cover(site, ms, dayOfYear);
        double flicker =
                1
                        + 0.08
                                * cover
                                * noise.smooth(
                                        Noise.stream(site.clientId(), "flicker"), ms, 4 * MINUTE);
        double index = Math.max(0.05, Math.min(1.02, (1 - 0.75 * cover) * flicker));
        return clear * index;
    }

    /** Air temperature (°C): season, latitude, afternoon peak and a slow regional drift. */
    double airTemperature(SimSite site, long ms, int dayOfYear) {
        double solarHour = ((ms / 3_600_000.0) + site.longitude() / 15.0) % 24;
        double seasonal =
                (site.latitude() > 32 ? 8 : 3) * Math.cos(2 * Math.PI * (dayOfYear - 200) / 365.0);
        return 15
                + seasonal
                + 0.5 * (40 - site.latitude())
                + 5 * Math.sin(2 * Math.PI * (solarHour - 9) / 24)
                + 2 * noise.smooth(Noise.stream(site.region(), "air"), ms, 6 * 3_600_000L);
    }
}
