package io.controlautogeneracion.model.calendar;

/**
 * The local calendar periods over which a panel report accumulates generation (SPEC §6), each with
 * its {@code panel_report} column.
 */
public enum Period {
    DAY("acum_day"),
    MONTH("acum_month"),
    QUARTER("acum_quarter"),
    SEMESTER("acum_semestre"),
    YEAR("acum_year");

    private final String column;

    Period(String column) {
        this.column = column;
    }

    /** The Druid column that holds the running total over this period. */
    public String column() {
        return column;
    }
}
