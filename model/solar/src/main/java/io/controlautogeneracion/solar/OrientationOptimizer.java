package io.controlautogeneracion.solar;

/**
 * Finds the (tilt 0–90°, azimuth 0–360°) that maximises plane-of-array irradiation over a {@link
 * SkySeries}: a 5° × 10° grid, then a compass search that halves its steps down to 0.01°. The
 * objective is smooth and has one maximum per hemisphere of sky in practice, so the grid finds its
 * basin and the search converges to it; about 800 evaluations of one pass over the sunlit samples.
 */
public final class OrientationOptimizer {

    private static final double GRID_TILT = 5;
    private static final double GRID_AZIMUTH = 10;
    private static final double FINAL_STEP = 0.01;
    // A bound, not an expected figure: the search converges in a few hundred evaluations.
    private static final int MAX_EVALUATIONS = 5000;

    private OrientationOptimizer() {}

    /** The optimum plane over a series; horizontal (azimuth 180°) when nothing beats it. */
    public static OptimalOrientation optimise(SkySeries series) {
        int evaluations = 0;
        double bestTilt = 0;
        double bestAzimuth = 180;
        double best = series.irradiation(Plane.FLAT);
        evaluations++;
        for (double tilt = GRID_TILT; tilt <= 90; tilt += GRID_TILT) {
            for (double azimuth = 0; azimuth < 360; azimuth += GRID_AZIMUTH) {
                double value = series.irradiation(new Plane(tilt, azimuth));
                evaluations++;
                if (value > best) {
                    best = value;
                    bestTilt = tilt;
                    bestAzimuth = azimuth;
                }
            }
        }
        double stepTilt = GRID_TILT / 2;
        double stepAzimuth = GRID_AZIMUTH / 2;
        while (stepTilt >= FINAL_STEP && evaluations < MAX_EVALUATIONS) {
            boolean moved = false;
            for (int dt = -1; dt <= 1; dt++) {
                for (int da = -1; da <= 1; da++) {
                    if (dt == 0 && da == 0) {
                        continue;
                    }
                    double tilt = clampTilt(bestTilt + dt * stepTilt);
                    double azimuth = Spa.mod360(bestAzimuth + da * stepAzimuth);
                    double value = series.irradiation(new Plane(tilt, azimuth));
                    evaluations++;
                    if (value > best) {
                        best = value;
                        bestTilt = tilt;
                        bestAzimuth = azimuth;
                        moved = true;
                    }
                }
            }
            if (!moved) {
                stepTilt /= 2;
                stepAzimuth /= 2;
            }
        }
        // At tilt 0 every azimuth is the same plane; say so rather than report an arbitrary one.
        Plane plane = bestTilt == 0 ? Plane.FLAT : new Plane(bestTilt, bestAzimuth);
        return new OptimalOrientation(plane, best, evaluations);
    }

    private static double clampTilt(double tilt) {
        return Math.max(0, Math.min(90, tilt));
    }
}
