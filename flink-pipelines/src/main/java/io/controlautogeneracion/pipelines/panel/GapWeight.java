package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.pipelines.batch.CatalogFacts;
import io.controlautogeneracion.solar.ClearSky;
import io.controlautogeneracion.solar.Site;
import io.controlautogeneracion.solar.Spa;
import java.io.Serializable;
import java.time.Instant;

/**
 * How a counter delta across a gap longer than the integration limit is spread over the gap (SPEC
 * §6): in proportion to the clear-sky irradiance at the panel's site, so a night-long gap gives its
 * energy to the daylight hours at its ends. The weight of an interval is the integral of Haurwitz
 * clear-sky GHI (sun from NREL SPA) over fixed 5-minute cells of absolute time, each cell valued at
 * its middle: weights of adjacent pieces add up exactly to the weight of their union, so splitting
 * a gap at hour bounds changes nothing. Without a known site the weight is the duration.
 */
public interface GapWeight extends Serializable {

    /** The weight of {@code [fromMs, toMs)} at the site of {@code facts}. */
    double of(long fromMs, long toMs, CatalogFacts facts);

    /** Spread evenly in time. */
    GapWeight TIME = (from, to, facts) -> to - from;

    /** Spread by clear-sky irradiance where the site is known, else evenly in time. */
    GapWeight CLEAR_SKY = new ClearSkyWeight();

    /** See {@link GapWeight#CLEAR_SKY}. */
    final class ClearSkyWeight implements GapWeight {
        private static final long serialVersionUID = 1L;
        static final long CELL_MS = 5 * 60_000L;

        private ClearSkyWeight() {}

        @Override
        public double of(long fromMs, long toMs, CatalogFacts facts) {
            if (!facts.hasLocation()) {
                return toMs - fromMs;
            }
            Site site = Site.at(facts.latitude(), facts.longitude());
            double weight = 0;
            for (long cell = Math.floorDiv(fromMs, CELL_MS) * CELL_MS;
                    cell < toMs;
                    cell += CELL_MS) {
                long overlap = Math.min(toMs, cell + CELL_MS) - Math.max(fromMs, cell);
                if (overlap > 0) {
                    double zenith =
                            Spa.position(Instant.ofEpochMilli(cell + CELL_MS / 2), site).zenith();
                    weight += ClearSky.haurwitz(zenith) * overlap;
                }
            }
            return weight;
        }

        private Object readResolve() {
            return CLEAR_SKY;
        }
    }
}
