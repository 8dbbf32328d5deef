package io.controlautogeneracion.catalog.error;

/** One broken rule: the JSON field (seed name) and why. */
public record Violation(String field, String message) {}
