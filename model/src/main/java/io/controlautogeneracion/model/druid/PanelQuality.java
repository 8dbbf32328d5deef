package io.controlautogeneracion.model.druid;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The data-quality columns of a {@code panel_report} row (SPEC §6): how many distinct readings the
 * hour had, the share of the hour they cover (intervals no longer than the longest gap power is
 * integrated over), the part of {@code power_gen} that a counter delta across a longer gap gave the
 * hour, and the counter resets and glitches (decreases that were not resets, and impossible jumps
 * clamped to the panel's bound) seen in it.
 */
public record PanelQuality(
        @JsonProperty("samples") int samples,
        @JsonProperty("coverage") double coverage,
        @JsonProperty("gap_filled_wh") double gapFilledWh,
        @JsonProperty("counter_resets") int counterResets,
        @JsonProperty("counter_glitches") int counterGlitches) {

    public PanelQuality {
        if (!(coverage >= 0 && coverage <= 1)) {
            throw new IllegalArgumentException("coverage must be within 0..1, got " + coverage);
        }
        if (samples < 0 || counterResets < 0 || counterGlitches < 0 || !(gapFilledWh >= 0)) {
            throw new IllegalArgumentException(
                    "quality counts must not be negative: samples "
                            + samples
                            + ", gap_filled_wh "
                            + gapFilledWh
                            + ", counter_resets "
                            + counterResets
                            + ", counter_glitches "
                            + counterGlitches);
        }
    }

    /** Every reading of a full hour with no gap and no counter trouble (tests, fixtures). */
    public static PanelQuality complete(int samples) {
        return new PanelQuality(samples, 1.0, 0, 0, 0);
    }

    static PanelQuality fromRow(RowReader row) {
        Long resets = row.integer("counter_resets");
        Long glitches = row.integer("counter_glitches");
        Double gapFilled = row.number("gap_filled_wh");
        return new PanelQuality(
                (int) row.requiredInteger("samples"),
                row.requiredNumber("coverage"),
                // Rows written before these columns existed read as none.
                gapFilled == null ? 0 : gapFilled,
                resets == null ? 0 : resets.intValue(),
                glitches == null ? 0 : glitches.intValue());
    }
}
