package io.controlautogeneracion.solar.survey;

import io.controlautogeneracion.solar.Plane;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the site survey found: the period covered, the optimal and flat planes with their
 * irradiation (kWh/m²) and the panel's estimated energy (kWh), the optimum of a clear-sky year at
 * the site for comparison, and day-by-day totals.
 */
public record SurveyReport(
        SurveyOptions options,
        Period period,
        Plane optimal,
        Totals atOptimum,
        Totals flat,
        Plane clearSkyYearOptimum,
        List<Day> daily) {

    /**
     * Readings used, repeated timestamps dropped, gaps not bridged (longer than {@code maxGap}) and
     * hours covered.
     */
    public record Period(
            Instant first,
            Instant last,
            int readings,
            int duplicatesDropped,
            int gaps,
            double samplingIntervalSeconds,
            Duration maxGap,
            double coveredHours) {}

    /** Irradiation on a plane (kWh/m²) and the panel's estimated energy on it (kWh). */
    public record Totals(double irradiation, double energy) {}

    /** One local day: horizontal and optimal-plane irradiation, energies and coverage. */
    public record Day(
            LocalDate date,
            double ghi,
            double poaOptimal,
            double energyOptimal,
            double energyFlat,
            int readings,
            double coveredHours) {}

    /** Gain of the optimum over a flat panel in percent; NaN with no light at all. */
    public double gainOverFlatPercent() {
        return flat.energy() > 0 ? (atOptimum.energy() / flat.energy() - 1) * 100 : Double.NaN;
    }
}
