package io.controlautogeneracion.simulator;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.solar.Plane;
import java.time.Instant;
import java.util.List;

/**
 * One simulated device: its id, its owners over time (the site of a reading is the owner's at the
 * reading's instant), when it was installed, and for a panel its peak power and plane.
 */
record SimDevice(
        DeviceKind kind,
        String id,
        List<Ownership> owners,
        Instant installed,
        double powerCap,
        Plane plane) {

    /** One client–device relation, {@code [from, to)}; {@code to} null while open. */
    record Ownership(Instant from, Instant to, SimSite site) {
        boolean covers(long ms) {
            return from.toEpochMilli() <= ms && (to == null || ms < to.toEpochMilli());
        }
    }

    SimDevice {
        if (owners.isEmpty()) {
            throw new IllegalArgumentException(id + " has no owner in the fleet");
        }
        owners = List.copyOf(owners);
    }

    /**
     * The site of the owner at an instant; before the first relation the first owner's, after the
     * last the last owner's (a device between owners stays where it was).
     */
    SimSite siteAt(long ms) {
        SimSite site = owners.get(0).site();
        for (Ownership o : owners) {
            if (o.covers(ms)) {
                return o.site();
            }
            if (o.from().toEpochMilli() <= ms) {
                site = o.site();
            }
        }
        return site;
    }

    boolean installedBy(long ms) {
        return installed == null || installed.toEpochMilli() <= ms;
    }

    /** A copy with another id (the load generator's multiplied fleet). */
    SimDevice copy(String newId) {
        return new SimDevice(kind, newId, owners, installed, powerCap, plane);
    }
}
