package io.controlautogeneracion.solar;

/**
 * What a light sensor's reading implies (SPEC §6): global horizontal irradiance with its Erbs
 * split, plane-of-array irradiance (W/m²), a panel's estimated power (W) and the sun's position.
 */
public record LightEstimate(
        double ghi,
        double dni,
        double dhi,
        double poa,
        double powerW,
        double zenith,
        double azimuth) {}
