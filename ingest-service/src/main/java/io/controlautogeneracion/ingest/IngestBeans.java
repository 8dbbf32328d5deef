package io.controlautogeneracion.ingest;

import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.controlautogeneracion.model.druid.TopicStatsRow;
import io.controlautogeneracion.model.reading.ReadingParser;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The plain collaborators of the service, produced once. Also registers the model types Jackson
 * writes by reflection, for the native build, with the serializer its {@code @IsoInstant} names
 * (Jackson instantiates it by reflection).
 */
@RegisterForReflection(targets = {TopicStatsRow.class, ToStringSerializer.class})
public class IngestBeans {

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    ReadingParser readingParser(IngestConfig config, Clock clock) {
        return new ReadingParser(config.validation().rules(), clock);
    }
}
