package io.controlautogeneracion.ingest.enrich;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogAnswersTest {

    private final CatalogAnswers answers = new CatalogAnswers();

    @Test
    void shouldChangeOnceWhenTheLookupsInFlightEndInAnyOrder() {
        long[] inFlight = new long[10];
        for (int i = 0; i < inFlight.length; i++) {
            inFlight[i] = answers.started();
        }

        assertThat(answers.failed(inFlight[0])).as("the first failure is told").isTrue();
        assertThat(answers.answered(inFlight[1])).as("started before it: no news").isFalse();
        assertThat(answers.failed(inFlight[2])).isFalse();
        assertThat(answers.answered(inFlight[9])).isFalse();
        assertThat(answers.answering()).isFalse();

        long after = answers.started();
        assertThat(answers.answered(after)).as("started after the failures: back").isTrue();
        assertThat(answers.answering()).isTrue();
    }

    @Test
    void shouldTakeAFailureOlderThanTheRecoveryAsStale() {
        long old = answers.started();
        long failing = answers.started();
        answers.failed(failing);
        long recovered = answers.started();
        answers.answered(recovered);

        assertThat(answers.failed(old)).as("older than the answer that marked it back").isFalse();
        assertThat(answers.answering()).isTrue();

        long next = answers.started();
        assertThat(answers.failed(next)).as("a new failure is news").isTrue();
        assertThat(answers.answering()).isFalse();
    }

    @Test
    void shouldAnswerUntilALookupFails() {
        long first = answers.started();

        assertThat(answers.answering()).isTrue();
        assertThat(answers.answered(first)).as("no change to tell").isFalse();
        assertThat(answers.answering()).isTrue();
    }
}
