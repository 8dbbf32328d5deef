package io.controlautogeneracion.pipelines.panel;

/**
 * What a panel should have generated in an hour, and where that figure comes from (said in the
 * alarm's text).
 */
public record ExpectedEnergy(double energyWh, String basis) {

    /** A source of expectations other than the panel's own history, e.g. the client's sensor. */
    public interface Source {
        /** The expectation for the panel hour, or null when this source has none. */
        ExpectedEnergy expected(PanelHour hour);
    }

    /** No light sensors: every expectation comes from the panel's history. */
    public static final Source NONE = hour -> null;
}
