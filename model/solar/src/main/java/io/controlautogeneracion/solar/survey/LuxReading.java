package io.controlautogeneracion.solar.survey;

import java.time.Instant;

/** One illuminance reading (lux) at an instant, with the CSV line it came from. */
public record LuxReading(Instant time, double lux, int line) {}
