package io.controlautogeneracion.solar;

/**
 * Irradiance on a tilted plane by component (W/m²): beam, isotropic sky diffuse, circumsolar sky
 * diffuse (zero in the isotropic model) and ground-reflected.
 */
public record PlaneOfArray(double beam, double isotropic, double circumsolar, double ground) {

    /** Sky diffuse: isotropic plus circumsolar. */
    public double skyDiffuse() {
        return isotropic + circumsolar;
    }

    /** Plane-of-array global irradiance. */
    public double global() {
        return beam + isotropic + circumsolar + ground;
    }
}
