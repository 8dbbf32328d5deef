package io.controlautogeneracion.pipelines.batch;

import io.controlautogeneracion.model.reading.ReadingParser;
import io.controlautogeneracion.model.reading.ValidationRules;
import java.time.Clock;
import java.time.Duration;

/**
 * The parser of landed lines. The landing job validated each message against the clock when it
 * arrived; a back-fill reads hours long past, so here only the shape and the physical ranges are
 * checked again, not the timestamp's age.
 */
public final class LandedLines {
    private static final Duration CENTURY = Duration.ofDays(36_525);

    /** Thread-safe, shared. */
    public static final ReadingParser PARSER =
            new ReadingParser(
                    new ValidationRules(
                            CENTURY,
                            CENTURY,
                            ValidationRules.defaults().maxLux(),
                            ValidationRules.defaults().maxWindSpeed()),
                    Clock.systemUTC());

    private LandedLines() {}
}
