package io.controlautogeneracion.solar;

/**
 * The location-independent half of the NREL SPA for one instant (Reda &amp; Andreas 2004, steps
 * 3.1–3.8): computed once, it serves every observer at that instant. Angles in degrees, R in AU.
 *
 * @param julianDay JD (UT), eq. 4
 * @param heliocentricLongitude L, eq. 9–10
 * @param heliocentricLatitude B, eq. 11
 * @param radiusVector R, eq. 12
 * @param nutationLongitude Δψ, eq. 20
 * @param nutationObliquity Δε, eq. 21
 * @param trueObliquity ε, eq. 23
 * @param apparentLongitude λ, eq. 25
 * @param apparentSiderealTime ν at Greenwich, eq. 29
 * @param rightAscension geocentric α, eq. 30
 * @param declination geocentric δ, eq. 31
 */
public record GeocentricSun(
        double julianDay,
        double heliocentricLongitude,
        double heliocentricLatitude,
        double radiusVector,
        double nutationLongitude,
        double nutationObliquity,
        double trueObliquity,
        double apparentLongitude,
        double apparentSiderealTime,
        double rightAscension,
        double declination) {}
