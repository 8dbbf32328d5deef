package io.controlautogeneracion.model.reading;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;

/**
 * Jackson's buffers for a parser, one set per thread, as its default pool keeps them, but found
 * without a {@code ThreadLocal}: its look-up compares a weak reference through a native call and
 * touches a soft reference for every parser, a cost the service's streams paid for each message.
 * Here a thread's buffers sit in one of {@value #SLOTS} slots chosen by its id; a thread whose slot
 * holds another's takes it over with buffers of its own (threads never share buffers, at worst a
 * pair of them alternating in a slot allocate anew). The slots hold at most {@value #SLOTS}
 * threads' buffers (about 16 KiB each), whether their threads still run or not.
 */
final class ThreadRecyclers extends RecyclerPool.ThreadLocalPoolBase<BufferRecycler> {

    private static final long serialVersionUID = 1L;

    static final int SLOTS = 64;

    /** A thread and its buffers; final fields, so a slot read by another thread is whole. */
    private record Owned(Thread thread, BufferRecycler recycler) {}

    private final transient Owned[] slots = new Owned[SLOTS];

    /**
     * A pool read back from its serialized form starts empty, as a new one (its slots are not
     * kept).
     */
    private Object readResolve() {
        return new ThreadRecyclers();
    }

    @Override
    public BufferRecycler acquirePooled() {
        Thread thread = Thread.currentThread();
        int slot = (int) (thread.getId() & (SLOTS - 1));
        Owned owned = slots[slot];
        if (owned != null && owned.thread == thread) {
            return owned.recycler;
        }
        BufferRecycler recycler = new BufferRecycler();
        slots[slot] = new Owned(thread, recycler);
        return recycler;
    }
}
