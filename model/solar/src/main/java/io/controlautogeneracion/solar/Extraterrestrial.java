package io.controlautogeneracion.solar;

/**
 * Extraterrestrial normal irradiance E0 by day of year from Spencer's Fourier series for the
 * Earth–Sun distance factor (Spencer, "Fourier series representation of the position of the sun",
 * Search 2 (1971) 172; Iqbal 1983 eq. 1.2.1) times the solar constant: within 0.15 % of the NREL
 * SPA's Earth–Sun distance (tested over a year), far below the uncertainty of the constant.
 */
public final class Extraterrestrial {

    /** Solar constant (W/m²) used by Spencer-era correlations such as Erbs, and by pvlib. */
    public static final double SOLAR_CONSTANT = 1366.1;

    private Extraterrestrial() {}

    /** Normal extraterrestrial irradiance (W/m²) on a day of the year (1–366). */
    public static double irradiance(int dayOfYear) {
        if (dayOfYear < 1 || dayOfYear > 366) {
            throw new IllegalArgumentException("day of year must be 1-366, got " + dayOfYear);
        }
        double g = 2 * Math.PI * (dayOfYear - 1) / 365.0; // day angle, Spencer's Γ
        double factor =
                1.000110
                        + 0.034221 * Math.cos(g)
                        + 0.001280 * Math.sin(g)
                        + 0.000719 * Math.cos(2 * g)
                        + 0.000077 * Math.sin(2 * g);
        return SOLAR_CONSTANT * factor;
    }
}
