package io.controlautogeneracion.model.reading;

import com.fasterxml.jackson.core.util.BufferRecycler;
import com.fasterxml.jackson.core.util.RecyclerPool;

/**
 * Jackson's buffers for a parser, one set per thread, as its default pool keeps them, but found
 * without a {@code ThreadLocal}: its look-up compares a weak reference through a native call and
 * touches a soft reference for every parser, a cost the service's streams paid for each message.
 * Here a thread's buffers sit in a {@link ThreadSlots} (about 16 KiB a thread, for at most {@value
 * #SLOTS} threads).
 */
final class ThreadRecyclers extends RecyclerPool.ThreadLocalPoolBase<BufferRecycler> {

    private static final long serialVersionUID = 1L;

    static final int SLOTS = ThreadSlots.SLOTS;

    private final transient ThreadSlots<BufferRecycler> slots = new ThreadSlots<>();

    /**
     * A pool read back from its serialized form starts empty, as a new one (its slots are not
     * kept).
     */
    private Object readResolve() {
        return new ThreadRecyclers();
    }

    @Override
    public BufferRecycler acquirePooled() {
        BufferRecycler recycler = slots.get();
        if (recycler == null) {
            recycler = new BufferRecycler();
            slots.put(recycler);
        }
        return recycler;
    }
}
