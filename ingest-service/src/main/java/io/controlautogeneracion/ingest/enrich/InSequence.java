package io.controlautogeneracion.ingest.enrich;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.function.Function;

/**
 * Runs one step per item, each after the previous one completed. A chain built with {@code done =
 * done.chain(...)} in a loop nests one subscription per item, so its stack grows with the number of
 * items (a pass over a thousand devices overflowed a 512 KiB stack); a concatenating {@link Multi}
 * runs the steps in a loop instead.
 */
final class InSequence {

    private InSequence() {}

    static <T> Uni<Void> run(Iterable<T> items, Function<T, Uni<Void>> step) {
        Multi<T> each = Multi.createFrom().iterable(items);
        return each.onItem()
                .<Void>transformToUniAndConcatenate(item -> step.apply(item))
                .collect()
                .last()
                .replaceWithVoid();
    }
}
