package io.controlautogeneracion.ingest.enrich;

/**
 * Whether the catalog answers, judged from the lookups' outcomes in the order the lookups started:
 * a failure marks it not answering, and only a lookup started after that failure was seen can mark
 * it answering again; a failure of a lookup older than the one that marked it answering again is
 * stale. Lookups in flight when the catalog stops or comes back end in any order (some time out,
 * some were answered just before), and would otherwise flip the state, and log it, once each.
 * Thread-safe.
 */
final class CatalogAnswers {

    private long started;
    // The newest lookup whose outcome the state already accounts for.
    private long decidedBy = -1;
    private volatile boolean answering = true;

    /** A lookup starts; returns its number, to be given back when it ends. */
    synchronized long started() {
        return started++;
    }

    /** Lookup {@code number} failed; true when this marks the catalog not answering. */
    synchronized boolean failed(long number) {
        if (answering && number < decidedBy) {
            return false;
        }
        decidedBy = Math.max(decidedBy, started - 1);
        boolean was = answering;
        answering = false;
        return was;
    }

    /** Lookup {@code number} was answered; true when this marks the catalog answering again. */
    synchronized boolean answered(long number) {
        if (answering || number <= decidedBy) {
            return false;
        }
        decidedBy = number;
        answering = true;
        return true;
    }

    boolean answering() {
        return answering;
    }
}
