package io.controlautogeneracion.ingest.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * One page of stored readings; {@code has_more} says whether more follow, and {@code next} is the
 * cursor that reads them ({@code after=<next>}), null on the last page.
 */
@RegisterForReflection
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MessagePage(
        String topic,
        int page,
        int limit,
        boolean hasMore,
        String next,
        List<StoredMessage> items) {}
