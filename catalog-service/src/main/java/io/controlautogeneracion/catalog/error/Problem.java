package io.controlautogeneracion.catalog.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** An RFC 9457 problem body; {@code violations} and {@code conflict} are extensions. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        String type,
        String title,
        int status,
        String detail,
        String instance,
        List<Violation> violations,
        Object conflict) {}
