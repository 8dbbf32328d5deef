package io.controlautogeneracion.solar;

import java.time.Instant;

/**
 * The NREL Solar Position Algorithm (Reda &amp; Andreas, "Solar position algorithm for solar
 * radiation applications", Solar Energy 76 (2004) 577–589, corrected NREL/TP-560-34302 rev. 2008):
 * topocentric zenith and azimuth with ±0.0003° uncertainty for years −2000 to 6000. Equation
 * numbers below are the paper's; dates are proleptic Gregorian (java.time), so years before 1582
 * differ from the paper's Julian-calendar convention. About 320 trigonometric terms per instant (≈5
 * µs on the development machine).
 */
public final class Spa {

    /** J2000.0 (JD 2451545.0) as epoch seconds: 2000-01-01T12:00:00Z. */
    private static final long J2000_EPOCH_SECOND = 946_728_000L;

    private static final double J2000 = 2451545.0;

    /** Sun's semi-diameter plus the mean refraction at the horizon: below it, no refraction. */
    private static final double HORIZON_ELEVATION = -(0.26667 + 0.5667);

    /** Coefficients of the mean obliquity polynomial in U = JME / 10 (eq. 24), arcseconds. */
    private static final double[] OBLIQUITY = {
        84381.448, -4680.93, -1.55, 1999.25, -51.38, -249.67, -39.05, 7.12, 27.87, 5.79, 2.45
    };

    private Spa() {}

    /**
     * Topocentric sun position for an observer at an instant (UT taken as UTC: |UT1 − UTC| ≤ 0.9
     * s).
     */
    public static SolarPosition position(Instant instant, Site site) {
        return topocentric(geocentric(instant, site.deltaT()), site);
    }

    /** Steps 3.1–3.8: the sun's apparent geocentric coordinates at an instant. */
    public static GeocentricSun geocentric(Instant instant, double deltaT) {
        // Days since J2000 taken straight from epoch seconds keeps the fraction precise
        // (a JD near 2.45e6 in a double resolves only ~40 µs).
        double days =
                ((instant.getEpochSecond() - J2000_EPOCH_SECOND) + instant.getNano() * 1e-9)
                        / 86400.0;
        double jd = J2000 + days; // eq. 4
        double jc = days / 36525.0; // eq. 5
        double jce = (days + deltaT / 86400.0) / 36525.0; // eq. 6-7
        double jme = jce / 10.0; // eq. 8

        double l = mod360(Math.toDegrees(series(EarthPeriodicTerms.L, jme))); // eq. 9-10
        double b = Math.toDegrees(series(EarthPeriodicTerms.B, jme)); // eq. 11
        double r = series(EarthPeriodicTerms.R, jme); // eq. 12

        double theta = mod360(l + 180); // eq. 13
        double beta = -b; // eq. 14

        double[] nutation = nutation(jce);
        double dPsi = nutation[0];
        double dEps = nutation[1];

        double u = jme / 10.0;
        double eps0 = 0; // eq. 24, arcseconds, by Horner's rule
        for (int i = OBLIQUITY.length - 1; i >= 0; i--) {
            eps0 = eps0 * u + OBLIQUITY[i];
        }
        double eps = eps0 / 3600.0 + dEps; // eq. 23
        double dTau = -20.4898 / (3600.0 * r); // eq. 26 aberration
        double lambda = theta + dPsi + dTau; // eq. 25

        double nu0 = // eq. 28
                mod360(
                        280.46061837
                                + 360.98564736629 * days
                                + jc * jc * (0.000387933 - jc / 38710000.0));
        double nu = nu0 + dPsi * Math.cos(Math.toRadians(eps)); // eq. 29

        double lam = Math.toRadians(lambda);
        double ep = Math.toRadians(eps);
        double be = Math.toRadians(beta);
        double alpha = // eq. 30
                mod360(
                        Math.toDegrees(
                                Math.atan2(
                                        Math.sin(lam) * Math.cos(ep) - Math.tan(be) * Math.sin(ep),
                                        Math.cos(lam))));
        double delta = // eq. 31
                Math.toDegrees(
                        Math.asin(
                                Math.sin(be) * Math.cos(ep)
                                        + Math.cos(be) * Math.sin(ep) * Math.sin(lam)));
        return new GeocentricSun(jd, l, b, r, dPsi, dEps, eps, lambda, nu, alpha, delta);
    }

    /** Steps 3.9–3.14: parallax, refraction and the observer's zenith and azimuth. */
    public static SolarPosition topocentric(GeocentricSun sun, Site o) {
        double h = mod360(sun.apparentSiderealTime() + o.longitude() - sun.rightAscension());
        double hr = Math.toRadians(h); // eq. 32
        double xi = Math.toRadians(8.794 / (3600.0 * sun.radiusVector())); // eq. 33
        double phi = Math.toRadians(o.latitude());
        double uu = Math.atan(0.99664719 * Math.tan(phi)); // eq. 34
        double x = Math.cos(uu) + o.elevation() / 6378140.0 * Math.cos(phi); // eq. 35
        double y = 0.99664719 * Math.sin(uu) + o.elevation() / 6378140.0 * Math.sin(phi); // eq. 36
        double delta = Math.toRadians(sun.declination());
        double denominator = Math.cos(delta) - x * Math.sin(xi) * Math.cos(hr);
        double dAlpha = Math.atan2(-x * Math.sin(xi) * Math.sin(hr), denominator); // eq. 37
        double alphaPrime = sun.rightAscension() + Math.toDegrees(dAlpha); // eq. 38
        double deltaPrime = // eq. 39
                Math.atan2((Math.sin(delta) - y * Math.sin(xi)) * Math.cos(dAlpha), denominator);
        double hPrime = hr - dAlpha; // eq. 40

        double e0 = // eq. 41
                Math.toDegrees(
                        Math.asin(
                                Math.sin(phi) * Math.sin(deltaPrime)
                                        + Math.cos(phi) * Math.cos(deltaPrime) * Math.cos(hPrime)));
        double e = e0 + refraction(e0, o.pressure(), o.temperature()); // eq. 42-43
        double gamma = // eq. 45, astronomers' azimuth (from south, westward)
                Math.toDegrees(
                        Math.atan2(
                                Math.sin(hPrime),
                                Math.cos(hPrime) * Math.sin(phi)
                                        - Math.tan(deltaPrime) * Math.cos(phi)));
        return new SolarPosition(
                h,
                alphaPrime,
                Math.toDegrees(deltaPrime),
                Math.toDegrees(hPrime),
                e0,
                e,
                90.0 - e, // eq. 44
                mod360(gamma + 180.0)); // eq. 46
    }

    /** Atmospheric refraction correction Δe in degrees (eq. 42), none once the sun has set. */
    static double refraction(double e0, double pressure, double temperature) {
        if (e0 < HORIZON_ELEVATION) {
            return 0;
        }
        return (pressure / 1010.0)
                * (283.0 / (273.0 + temperature))
                * 1.02
                / (60.0 * Math.tan(Math.toRadians(e0 + 10.3 / (e0 + 5.11))));
    }

    /** Eq. 10: Σ over powers i of JME^i · Σ A cos(B + C·JME), divided by 1e8. */
    private static double series(double[][][] table, double jme) {
        double total = 0;
        double power = 1;
        for (double[][] terms : table) {
            double sum = 0;
            for (double[] t : terms) {
                sum += t[0] * Math.cos(t[1] + t[2] * jme);
            }
            total += sum * power;
            power *= jme;
        }
        return total / 1e8;
    }

    /** Eq. 15-22: nutation in longitude Δψ and obliquity Δε, degrees. */
    private static double[] nutation(double jce) {
        double jce2 = jce * jce;
        double jce3 = jce2 * jce;
        double[] x = {
            297.85036 + 445267.111480 * jce - 0.0019142 * jce2 + jce3 / 189474.0, // eq. 15
            357.52772 + 35999.050340 * jce - 0.0001603 * jce2 - jce3 / 300000.0, // eq. 16
            134.96298 + 477198.867398 * jce + 0.0086972 * jce2 + jce3 / 56250.0, // eq. 17
            93.27191 + 483202.017538 * jce - 0.0036825 * jce2 + jce3 / 327270.0, // eq. 18
            125.04452 - 1934.136261 * jce + 0.0020708 * jce2 + jce3 / 450000.0 // eq. 19
        };
        double dPsi = 0;
        double dEps = 0;
        for (int i = 0; i < NutationTerms.Y.length; i++) {
            int[] y = NutationTerms.Y[i];
            double arg =
                    Math.toRadians(
                            x[0] * y[0] + x[1] * y[1] + x[2] * y[2] + x[3] * y[3] + x[4] * y[4]);
            double[] c = NutationTerms.ABCD[i];
            dPsi += (c[0] + c[1] * jce) * Math.sin(arg);
            dEps += (c[2] + c[3] * jce) * Math.cos(arg);
        }
        return new double[] {dPsi / 36_000_000.0, dEps / 36_000_000.0};
    }

    static double mod360(double degrees) {
        double m = degrees % 360.0;
        return m < 0 ? m + 360.0 : m;
    }
}
