package io.controlautogeneracion.model.reading;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ThreadRecyclersTest {

    private final ThreadRecyclers pool = new ThreadRecyclers();

    @Test
    void shouldGiveAThreadItsOwnBuffersAgain() {
        BufferRecycler first = pool.acquireAndLinkPooled();
        pool.releasePooled(first);

        assertThat(pool.acquireAndLinkPooled()).isSameAs(first);
    }

    @Test
    void shouldNeverGiveTwoThreadsOfOneSlotTheSameBuffers() throws InterruptedException {
        BufferRecycler mine = pool.acquirePooled();
        AtomicReference<BufferRecycler> theirs = new AtomicReference<>();
        Thread other =
                threadInTheSlotOf(Thread.currentThread(), () -> theirs.set(pool.acquirePooled()));
        other.start();
        other.join();

        assertThat(theirs.get()).isNotNull().isNotSameAs(mine);
        // The slot is the other thread's now: this thread gets buffers of its own, not the other's.
        assertThat(pool.acquirePooled()).isNotSameAs(theirs.get());
    }

    @Test
    void shouldGiveBuffersOnceReadBackFromItsSerializedForm() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(pool);
        }
        ThreadRecyclers read;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            read = (ThreadRecyclers) in.readObject();
        }

        assertThat(read.acquirePooled()).isNotNull();
    }

    /** A thread not yet started whose id falls in the same slot as {@code thread}'s. */
    private static Thread threadInTheSlotOf(Thread thread, Runnable task) {
        long slot = thread.getId() % ThreadRecyclers.SLOTS;
        while (true) {
            Thread candidate = new Thread(task);
            if (candidate.getId() % ThreadRecyclers.SLOTS == slot) {
                return candidate;
            }
        }
    }
}
