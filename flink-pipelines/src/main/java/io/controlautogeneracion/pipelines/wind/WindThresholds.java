package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.model.catalog.AlarmThresholds;
import io.controlautogeneracion.model.catalog.Element;
import java.io.Serializable;

/**
 * Wind alarm thresholds in m/s. The element type of an anemometer may set its own; whatever it
 * leaves out comes from the job's configuration.
 */
public record WindThresholds(double warningSpeed, double stormSpeed) implements Serializable {

    public WindThresholds {
        if (!(warningSpeed > 0) || !(stormSpeed >= warningSpeed)) {
            throw new IllegalArgumentException(
                    "need 0 < warning <= storm, got " + warningSpeed + " and " + stormSpeed);
        }
    }

    /** The element's thresholds where it has them, these defaults elsewhere. */
    public WindThresholds forElement(Element element) {
        AlarmThresholds own = element == null ? null : element.thresholds();
        if (own == null) {
            return this;
        }
        double warning = own.windWarningSpeed() != null ? own.windWarningSpeed() : warningSpeed;
        double storm = own.windStormSpeed() != null ? own.windStormSpeed() : stormSpeed;
        // A type that only lowers the warning level must not end up with storm below warning.
        return new WindThresholds(warning, Math.max(storm, warning));
    }
}
