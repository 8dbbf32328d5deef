package io.controlautogeneracion.stack.drill;

/** Lost and duplicated units (messages, readings or seconds) of one store, per drill phase. */
final class Tally {
    private final String store;
    private final long[] checked;
    private final long[] lost;
    private final long[] duplicated;

    Tally(String store, int phases) {
        this.store = store;
        this.checked = new long[phases];
        this.lost = new long[phases];
        this.duplicated = new long[phases];
    }

    /** One unit the store should hold {@code expected} times and holds {@code found} times. */
    void count(int phase, long expected, long found) {
        checked[phase] += expected;
        if (found < expected) {
            lost[phase] += expected - found;
        } else {
            duplicated[phase] += found - expected;
        }
    }

    String store() {
        return store;
    }

    long checked(int phase) {
        return checked[phase];
    }

    long lost(int phase) {
        return lost[phase];
    }

    long duplicated(int phase) {
        return duplicated[phase];
    }

    long totalChecked() {
        long n = 0;
        for (long c : checked) {
            n += c;
        }
        return n;
    }

    long totalLost() {
        long n = 0;
        for (long c : lost) {
            n += c;
        }
        return n;
    }

    long totalDuplicated() {
        long n = 0;
        for (long c : duplicated) {
            n += c;
        }
        return n;
    }
}
