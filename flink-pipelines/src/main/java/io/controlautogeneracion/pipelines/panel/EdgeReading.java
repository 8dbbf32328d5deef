package io.controlautogeneracion.pipelines.panel;

/**
 * One reading as the hours next to it need it: time, power and counter (NaN without one), with the
 * highest counter value seen up to it (the count goes on from there after a glitch).
 */
public record EdgeReading(long time, double power, double counter, double highest) {

    public boolean hasCounter() {
        return !Double.isNaN(counter);
    }
}
