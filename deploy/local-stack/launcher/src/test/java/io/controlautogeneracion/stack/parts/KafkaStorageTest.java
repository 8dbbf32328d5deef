package io.controlautogeneracion.stack.parts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KafkaStorageTest {

    /**
     * The storage tool reads {@code --cluster-id -x…} as an option and refuses to format: one id in
     * 64 drawn as plain base64 would start that way and fail the stack's first start.
     */
    @Test
    void clusterIdsAreNeverReadAsAnOption() {
        assertThat(IntStream.range(0, 10_000).mapToObj(i -> KafkaStorage.clusterId()))
                .allSatisfy(
                        id -> {
                            assertThat(id).doesNotStartWith("-").hasSize(22);
                            assertThat(id).matches("[A-Za-z0-9_-]+");
                        });
    }
}
