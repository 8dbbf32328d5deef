package io.controlautogeneracion.solar;

/**
 * Global horizontal irradiance split into direct normal and diffuse horizontal parts (W/m²), with
 * the clearness index that drove the split; ghi = dni·cos z + dhi holds for the sun above 87°.
 */
public record IrradianceComponents(double ghi, double dni, double dhi, double clearnessIndex) {}
