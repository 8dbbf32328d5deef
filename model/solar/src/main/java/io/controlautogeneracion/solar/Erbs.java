package io.controlautogeneracion.solar;

/**
 * Erbs, Klein &amp; Duffie, "Estimation of the diffuse radiation fraction for hourly, daily and
 * monthly-average global radiation", Solar Energy 28 (1982) 293, eq. 1: diffuse fraction from the
 * clearness index kt = GHI / (E0 cos z). Fitted on hourly data with about 15 % RMS error in DHI; at
 * minute resolution it is an estimate, not a measurement.
 */
public final class Erbs {

    /** Above this zenith the split is meaningless (cos z ≈ 0): everything is diffuse. */
    public static final double MAX_ZENITH = 87.0;

    /** Floor for cos z in kt so a reading at sunrise cannot produce an absurd clearness index. */
    public static final double MIN_COS_ZENITH = 0.065;

    private Erbs() {}

    /** Split a GHI (W/m²) at a zenith (degrees) on a day of the year (1–366). */
    public static IrradianceComponents decompose(double ghi, double zenith, int dayOfYear) {
        return decomposeWithExtraterrestrial(ghi, zenith, Extraterrestrial.irradiance(dayOfYear));
    }

    /** As {@link #decompose(double, double, int)} with a given extraterrestrial irradiance. */
    public static IrradianceComponents decomposeWithExtraterrestrial(
            double ghi, double zenith, double extraterrestrial) {
        if (!(ghi > 0)) {
            return new IrradianceComponents(Math.max(0, ghi), 0, Math.max(0, ghi), 0);
        }
        double cosZ = Math.cos(Math.toRadians(zenith));
        // kt above 1 means sensor error or cloud enhancement; Erbs was not fitted there.
        double kt = Math.min(1.0, ghi / (extraterrestrial * Math.max(cosZ, MIN_COS_ZENITH)));
        double dhi = diffuseFraction(kt) * ghi;
        double dni = (ghi - dhi) / cosZ;
        if (zenith > MAX_ZENITH || !(dni >= 0)) {
            return new IrradianceComponents(ghi, 0, ghi, kt);
        }
        return new IrradianceComponents(ghi, dni, dhi, kt);
    }

    /** The Erbs correlation: DHI / GHI as a function of kt (piecewise, eq. 1 of the paper). */
    public static double diffuseFraction(double kt) {
        if (kt <= 0.22) {
            return 1.0 - 0.09 * kt;
        }
        if (kt <= 0.80) {
            return 0.9511 + kt * (-0.1604 + kt * (4.388 + kt * (-16.638 + kt * 12.336)));
        }
        return 0.165;
    }
}
