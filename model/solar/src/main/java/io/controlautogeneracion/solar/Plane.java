package io.controlautogeneracion.solar;

/**
 * A plane's orientation: tilt from horizontal (0–90°) and azimuth of its normal's horizontal
 * projection, from north eastward (0–360°, 180° = facing south). The NREL SPA's "azimuth rotation"
 * γ is this azimuth − 180°.
 */
public record Plane(double tilt, double azimuth) {

    /** A horizontal plane (its azimuth is irrelevant and reported as 180°). */
    public static final Plane FLAT = new Plane(0, 180);

    public Plane {
        if (!(tilt >= 0 && tilt <= 90)) {
            throw new IllegalArgumentException("tilt must be within [0, 90]°, got " + tilt);
        }
        if (!Double.isFinite(azimuth)) {
            throw new IllegalArgumentException("azimuth must be finite, got " + azimuth);
        }
        azimuth = Spa.mod360(azimuth);
    }

    /** Unit normal (east, north, up). */
    double[] normal() {
        return SurfaceGeometry.unitVector(tilt, azimuth);
    }
}
