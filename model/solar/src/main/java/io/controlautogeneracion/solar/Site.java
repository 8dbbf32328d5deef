package io.controlautogeneracion.solar;

/**
 * Where and in what air the sun is observed, as the NREL SPA takes it (Reda &amp; Andreas 2004,
 * §3): latitude and longitude in degrees (north and east positive), elevation in metres, mean
 * annual pressure in mbar and temperature in °C for refraction, and ΔT = TT − UT in seconds.
 */
public record Site(
        double latitude,
        double longitude,
        double elevation,
        double pressure,
        double temperature,
        double deltaT) {

    /**
     * ΔT used when none is given: about 69 s through the 2020s (IERS); an error of a few seconds
     * moves the sun by well under 1e-4°.
     */
    public static final double DEFAULT_DELTA_T = 69.0;

    /** Annual mean temperature assumed for refraction when none is given (°C). */
    public static final double DEFAULT_TEMPERATURE = 12.0;

    public Site {
        check(latitude, -90, 90, "latitude");
        check(longitude, -180, 180, "longitude");
        check(elevation, -6_500_000, 100_000, "elevation");
        check(pressure, 0, 5000, "pressure");
        check(temperature, -273, 6000, "temperature");
        check(deltaT, -8000, 8000, "deltaT");
    }

    /**
     * A site at the given place with the standard-atmosphere pressure for its elevation, 12 °C and
     * the default ΔT: refraction then is within a few hundredths of a degree near the horizon.
     */
    public static Site at(double latitude, double longitude, double elevation) {
        return new Site(
                latitude,
                longitude,
                elevation,
                standardPressure(elevation),
                DEFAULT_TEMPERATURE,
                DEFAULT_DELTA_T);
    }

    /** Sea-level site with default air and ΔT. */
    public static Site at(double latitude, double longitude) {
        return at(latitude, longitude, 0);
    }

    /** Pressure (mbar) of the ICAO standard atmosphere at an elevation in metres. */
    public static double standardPressure(double elevation) {
        double h = Math.max(-500, Math.min(elevation, 11_000));
        return 1013.25 * Math.pow(1 - 2.25577e-5 * h, 5.25588);
    }

    private static void check(double value, double min, double max, String name) {
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException(
                    name + " must be within [" + min + ", " + max + "], got " + value);
        }
    }
}
