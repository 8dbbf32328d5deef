package io.controlautogeneracion.ingest.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.controlautogeneracion.ingest.store.BsonOutput;
import org.junit.jupiter.api.Test;

class DocumentArenaTest {

    @Test
    void shouldGiveEachBatchTheSameOutputEmptiedUntilItGrewTooLarge() {
        DocumentArena arena = new DocumentArena();
        BsonOutput first = arena.next();
        assertThat(first.capacity()).isEqualTo(DocumentArena.INITIAL_BYTES);
        first.document("a", new byte[] {5, 0, 0, 0, 0}, 0, 5);

        BsonOutput second = arena.next();
        assertThat(second).isSameAs(first);
        assertThat(second.size()).isZero();

        // A batch of large messages: the output grows past what is kept.
        byte[] large = new byte[DocumentArena.KEPT_BYTES];
        second.document("b", large, 0, large.length);
        BsonOutput third = arena.next();
        assertThat(third).isNotSameAs(second);
        assertThat(third.size()).isZero();
        assertThat(third.capacity()).isEqualTo(DocumentArena.INITIAL_BYTES);
    }
}
