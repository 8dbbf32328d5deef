package io.controlautogeneracion.model.reading;

/**
 * One value per thread without a {@code ThreadLocal} (whose look-up compares a weak reference
 * through a native call under the client compiler): a thread's value sits in one of {@value #SLOTS}
 * slots chosen by its id. A thread whose slot holds another's takes the slot over with a value of
 * its own; threads never share a value, at worst a pair of them alternating in a slot make theirs
 * anew. The slots hold at most {@value #SLOTS} values, whether their threads still run or not.
 */
final class ThreadSlots<T> {

    static final int SLOTS = 64;

    /** A thread and its value; final fields, so a slot read by another thread is whole. */
    private record Owned<T>(Thread thread, T value) {}

    @SuppressWarnings("unchecked")
    private final Owned<T>[] slots = new Owned[SLOTS];

    /** The calling thread's value, or null when its slot holds none of its own. */
    T get() {
        Thread thread = Thread.currentThread();
        Owned<T> owned = slots[slot(thread)];
        return owned != null && owned.thread == thread ? owned.value : null;
    }

    /** Makes {@code value} the calling thread's. */
    void put(T value) {
        Thread thread = Thread.currentThread();
        slots[slot(thread)] = new Owned<>(thread, value);
    }

    /** Empties the calling thread's slot if it holds {@code value}. */
    void remove(T value) {
        int slot = slot(Thread.currentThread());
        Owned<T> owned = slots[slot];
        if (owned != null && owned.value == value) {
            slots[slot] = null;
        }
    }

    static int slot(Thread thread) {
        return (int) (thread.getId() & (SLOTS - 1));
    }
}
