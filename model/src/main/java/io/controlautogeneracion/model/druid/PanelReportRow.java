package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import io.controlautogeneracion.model.calendar.Comparison;
import io.controlautogeneracion.model.calendar.Period;
import io.controlautogeneracion.model.time.IsoInstant;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One row of {@code panel_report}: the energy a panel generated in one UTC hour, its differences
 * with the reference slots (null when a reference has no data, never 0) and its running totals over
 * the local periods, plus the data-quality columns of {@link PanelQuality}. A panel whose owner
 * changed within the hour has one row per owner; {@code timezone} is the owner's (IANA id, null for
 * UTC), the calendar its periods and references were taken in.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonDeserialize(using = PanelReportRow.Json.class)
public record PanelReportRow(
        @JsonUnwrapped Enrichment enrichment,
        @JsonProperty("panel_id") String panelId,
        @JsonProperty("timestamp") @IsoInstant Instant timestamp,
        @JsonProperty("power_gen") double powerGen,
        @JsonProperty("diff_last_hour") Double diffLastHour,
        @JsonProperty("diff_last_day") Double diffLastDay,
        @JsonProperty("diff_last_month") Double diffLastMonth,
        @JsonProperty("diff_last_quar") Double diffLastQuar,
        @JsonProperty("diff_last_six") Double diffLastSix,
        @JsonProperty("diff_last_year") Double diffLastYear,
        @JsonProperty("acum_day") double acumDay,
        @JsonProperty("acum_month") double acumMonth,
        @JsonProperty("acum_quarter") double acumQuarter,
        @JsonProperty("acum_semestre") double acumSemestre,
        @JsonProperty("acum_year") double acumYear,
        @JsonProperty("timezone") String timezone,
        @JsonUnwrapped PanelQuality quality) {

    public PanelReportRow {
        Objects.requireNonNull(panelId, "panelId");
        Objects.requireNonNull(timestamp, "timestamp");
        if (enrichment == null) {
            enrichment = Enrichment.none();
        }
        Objects.requireNonNull(quality, "quality");
    }

    /**
     * A row from the diffs and running totals keyed by comparison and period; a comparison missing
     * from {@code diffs} (or mapped to null) has no data, and every period must be present.
     */
    public static PanelReportRow of(
            Enrichment enrichment,
            String panelId,
            Instant slot,
            double powerGen,
            Map<Comparison, Double> diffs,
            Map<Period, Double> acum,
            String timezone,
            PanelQuality quality) {
        return new PanelReportRow(
                enrichment,
                panelId,
                slot,
                powerGen,
                diffs.get(Comparison.LAST_HOUR),
                diffs.get(Comparison.LAST_DAY),
                diffs.get(Comparison.LAST_MONTH),
                diffs.get(Comparison.LAST_QUARTER),
                diffs.get(Comparison.LAST_SIX),
                diffs.get(Comparison.LAST_YEAR),
                required(acum, Period.DAY),
                required(acum, Period.MONTH),
                required(acum, Period.QUARTER),
                required(acum, Period.SEMESTER),
                required(acum, Period.YEAR),
                timezone,
                quality);
    }

    /** The same row with other differences and running totals. */
    public PanelReportRow withTotals(Map<Comparison, Double> diffs, Map<Period, Double> acum) {
        return of(enrichment, panelId, timestamp, powerGen, diffs, acum, timezone, quality);
    }

    /** The client's zone the row's calendar is taken in (UTC without a client). */
    public java.time.ZoneId zone() {
        return timezone == null ? java.time.ZoneOffset.UTC : java.time.ZoneId.of(timezone);
    }

    /** The {@link Comparison#column()} value of this row. */
    public Double diff(Comparison c) {
        switch (c) {
            case LAST_HOUR:
                return diffLastHour;
            case LAST_DAY:
                return diffLastDay;
            case LAST_MONTH:
                return diffLastMonth;
            case LAST_QUARTER:
                return diffLastQuar;
            case LAST_SIX:
                return diffLastSix;
            case LAST_YEAR:
                return diffLastYear;
            default:
                throw new IllegalArgumentException("unknown comparison " + c);
        }
    }

    /** The {@link Period#column()} value of this row. */
    public double acum(Period p) {
        switch (p) {
            case DAY:
                return acumDay;
            case MONTH:
                return acumMonth;
            case QUARTER:
                return acumQuarter;
            case SEMESTER:
                return acumSemestre;
            case YEAR:
                return acumYear;
            default:
                throw new IllegalArgumentException("unknown period " + p);
        }
    }

    static PanelReportRow fromRow(RowReader row) {
        return new PanelReportRow(
                row.enrichment(),
                row.text("panel_id"),
                row.instant("timestamp"),
                row.requiredNumber("power_gen"),
                row.number("diff_last_hour"),
                row.number("diff_last_day"),
                row.number("diff_last_month"),
                row.number("diff_last_quar"),
                row.number("diff_last_six"),
                row.number("diff_last_year"),
                row.requiredNumber("acum_day"),
                row.requiredNumber("acum_month"),
                row.requiredNumber("acum_quarter"),
                row.requiredNumber("acum_semestre"),
                row.requiredNumber("acum_year"),
                row.text("timezone"),
                PanelQuality.fromRow(row));
    }

    private static double required(Map<Period, Double> acum, Period p) {
        Double value = acum.get(p);
        if (value == null) {
            throw new IllegalArgumentException("no running total for " + p.column());
        }
        return value;
    }

    static final class Json extends RowReader.Deserializer<PanelReportRow> {
        Json() {
            super(PanelReportRow.class, PanelReportRow::fromRow);
        }
    }
}
