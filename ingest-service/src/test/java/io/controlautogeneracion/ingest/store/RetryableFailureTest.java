package io.controlautogeneracion.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.ServerAddress;
import io.smallrye.mutiny.CompositeException;
import org.junit.jupiter.api.Test;

class RetryableFailureTest {

    @Test
    void shouldRetryMongoFailuresAloneOrTogetherAndNothingElse() {
        MongoTimeoutException timeout = new MongoTimeoutException("no server");
        MongoSocketException socket = new MongoSocketException("reset", new ServerAddress());
        assertThat(MessageRepository.retryable(timeout)).isTrue();
        assertThat(MessageRepository.retryable(new CompositeException(timeout, socket))).isTrue();
        assertThat(MessageRepository.retryable(new IllegalStateException("bug"))).isFalse();
        assertThat(
                        MessageRepository.retryable(
                                new CompositeException(timeout, new IllegalStateException())))
                .isFalse();
    }
}
