package io.controlautogeneracion.solar;

/**
 * Relative optical air mass from Kasten &amp; Young, "Revised optical air mass tables and
 * approximation formula", Applied Optics 28 (1989) 4735: within 0.5 % of the rigorous tables up to
 * an apparent zenith of 90°.
 */
public final class AirMass {

    private AirMass() {}

    /**
     * Relative air mass at an apparent (refracted) zenith in degrees; NaN once the sun is below the
     * horizon, where the formula has no meaning.
     */
    public static double kastenYoung(double apparentZenith) {
        if (!(apparentZenith >= 0 && apparentZenith <= 90)) {
            return Double.NaN;
        }
        return 1.0
                / (Math.cos(Math.toRadians(apparentZenith))
                        + 0.50572 * Math.pow(96.07995 - apparentZenith, -1.6364));
    }

    /** Absolute air mass: the relative one scaled by station pressure over 1013.25 mbar. */
    public static double absolute(double relativeAirMass, double pressure) {
        return relativeAirMass * pressure / 1013.25;
    }
}
