package io.controlautogeneracion.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InSequenceTest {

    @Test
    void shouldRunAHundredThousandStepsInOrderWithoutGrowingTheStack() {
        List<Integer> items = IntStream.range(0, 100_000).boxed().toList();
        List<Integer> seen = new ArrayList<>();

        InSequence.run(items, i -> Uni.createFrom().voidItem().invoke(() -> seen.add(i)))
                .await()
                .atMost(Duration.ofSeconds(30));

        assertThat(seen).isEqualTo(items);
    }

    @Test
    void shouldStopAtTheFirstFailingStep() {
        List<Integer> seen = new ArrayList<>();

        Uni<Void> run =
                InSequence.run(
                        List.of(1, 2, 3),
                        i ->
                                i == 2
                                        ? Uni.createFrom().failure(new IllegalStateException("two"))
                                        : Uni.createFrom().voidItem().invoke(() -> seen.add(i)));

        assertThat(run.onFailure().recoverWithItem(e -> null).await().atMost(Duration.ofSeconds(5)))
                .isNull();
        assertThat(seen).containsExactly(1);
    }

    @Test
    void shouldCompleteOnNoItems() {
        assertThat(
                        InSequence.run(List.<Integer>of(), i -> Uni.createFrom().voidItem())
                                .await()
                                .atMost(Duration.ofSeconds(5)))
                .isNull();
    }
}
