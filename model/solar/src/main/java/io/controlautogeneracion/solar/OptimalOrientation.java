package io.controlautogeneracion.solar;

/**
 * The plane that maximises irradiation over a series, its irradiation (kWh/m²) and how many planes
 * were evaluated to find it.
 */
public record OptimalOrientation(Plane plane, double irradiation, int evaluations) {}
