package io.controlautogeneracion.solar;

/**
 * Angle of incidence of the sun on a tilted plane (Duffie &amp; Beckman 2013, eq. 1.6.3 in the
 * zenith/azimuth form, identical to NREL SPA eq. 47); exact spherical trigonometry. Angles in
 * degrees, azimuths from north eastward, tilt from horizontal.
 */
public final class SurfaceGeometry {

    private SurfaceGeometry() {}

    /** cos(AOI), clipped to [−1, 1] against rounding; negative when the sun is behind the plane. */
    public static double cosIncidence(
            double zenith, double azimuth, double tilt, double surfaceAzimuth) {
        double z = Math.toRadians(zenith);
        double b = Math.toRadians(tilt);
        double cos =
                Math.cos(z) * Math.cos(b)
                        + Math.sin(z)
                                * Math.sin(b)
                                * Math.cos(Math.toRadians(azimuth - surfaceAzimuth));
        return Math.max(-1, Math.min(1, cos));
    }

    /** Angle of incidence in degrees, 0–180. */
    public static double incidence(
            double zenith, double azimuth, double tilt, double surfaceAzimuth) {
        return Math.toDegrees(Math.acos(cosIncidence(zenith, azimuth, tilt, surfaceAzimuth)));
    }

    /**
     * Unit vector (east, north, up) towards a direction given by zenith and azimuth; the sun's for
     * a position, a plane's normal for (tilt, surface azimuth).
     */
    static double[] unitVector(double zenith, double azimuth) {
        double z = Math.toRadians(zenith);
        double a = Math.toRadians(azimuth);
        return new double[] {Math.sin(z) * Math.sin(a), Math.sin(z) * Math.cos(a), Math.cos(z)};
    }
}
