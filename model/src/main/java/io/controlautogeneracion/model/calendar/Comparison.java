package io.controlautogeneracion.model.calendar;

/**
 * The reference slots a panel report compares against (SPEC §6), each with its {@code panel_report}
 * column; see {@link SlotCalendar#reference} for the arithmetic.
 */
public enum Comparison {
    LAST_HOUR("diff_last_hour"),
    LAST_DAY("diff_last_day"),
    LAST_MONTH("diff_last_month"),
    LAST_QUARTER("diff_last_quar"),
    LAST_SIX("diff_last_six"),
    LAST_YEAR("diff_last_year");

    private final String column;

    Comparison(String column) {
        this.column = column;
    }

    /** The Druid column that holds {@code power_gen(h) - power_gen(reference)}. */
    public String column() {
        return column;
    }
}
