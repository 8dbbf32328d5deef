package io.controlautogeneracion.catalog.rest;

import java.util.List;

/** One page of a listing; {@code total} counts the index entries. */
public record Page<T>(int offset, int limit, int total, List<T> items) {}
