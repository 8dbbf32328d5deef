package io.controlautogeneracion.pipelines.wind;

/**
 * Running figures of one anemometer's second. A mutable Flink POJO (public fields, no-argument
 * constructor) so the window state is updated in place instead of copied per reading.
 */
public final class WindSecondAccumulator {
    public int samples;
    public double speedSum;
    public double speedMax;
    public Double gustMax;
    public int directions;
    public double directionSin;
    public double directionCos;

    /** Event time of the reading whose enrichment the row carries: the earliest one. */
    public long enrichedAt = Long.MAX_VALUE;

    public CatalogColumns enrichment;
    public EnrichmentStatus status;
    public double warningSpeed;
    public double stormSpeed;

    public WindSecondAccumulator() {}
}
