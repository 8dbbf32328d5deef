package io.controlautogeneracion.solar;

/**
 * Topocentric position of the sun for one observer (NREL SPA, Reda &amp; Andreas 2004, steps
 * 3.9–3.15; ±0.0003° between −2000 and 6000). Angles in degrees; azimuth from north, eastward.
 *
 * @param hourAngle observer local hour angle H, eq. 32
 * @param topocentricRightAscension α′, eq. 38
 * @param topocentricDeclination δ′, eq. 39
 * @param topocentricHourAngle H′, eq. 40
 * @param elevationNoRefraction e0, eq. 41
 * @param elevation e with refraction, eq. 43
 * @param zenith θ = 90° − e, eq. 44
 * @param azimuth Φ, eq. 46, 0° north, 90° east
 */
public record SolarPosition(
        double hourAngle,
        double topocentricRightAscension,
        double topocentricDeclination,
        double topocentricHourAngle,
        double elevationNoRefraction,
        double elevation,
        double zenith,
        double azimuth) {

    /**
     * Incidence angle (eq. 47) on a surface of the given slope, with the paper's azimuth rotation
     * γ: measured from south, positive towards west (so γ = azimuth from north − 180°).
     */
    public double incidenceAngle(double slope, double azimuthRotation) {
        return Math.toDegrees(Math.acos(cosIncidence(slope, 180 + azimuthRotation)));
    }

    /**
     * Cosine of the angle of incidence on a plane of the given tilt and azimuth (from north,
     * eastward); negative when the sun is behind the plane.
     */
    public double cosIncidence(double tilt, double surfaceAzimuth) {
        return SurfaceGeometry.cosIncidence(zenith, azimuth, tilt, surfaceAzimuth);
    }
}
