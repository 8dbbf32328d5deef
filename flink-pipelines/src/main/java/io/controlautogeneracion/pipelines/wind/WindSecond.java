package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.model.druid.WindReadingRow;

/** One {@code wind_reading} row (one anemometer, one second) and how it was enriched. */
public record WindSecond(WindReadingRow row, EnrichmentStatus status) {}
