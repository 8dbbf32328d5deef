package io.controlautogeneracion.catalog.importing;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The outcome of one row: {@code created}, {@code updated}, {@code unchanged} or {@code failed}
 * with the reason. {@code row} counts from 1 within its section.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportRow(String section, int row, String id, String status, String error) {
    public static final String CREATED = "created";
    public static final String UPDATED = "updated";
    public static final String UNCHANGED = "unchanged";
    public static final String FAILED = "failed";
}
