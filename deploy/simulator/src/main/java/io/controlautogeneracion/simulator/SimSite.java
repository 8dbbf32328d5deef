package io.controlautogeneracion.simulator;

import io.controlautogeneracion.solar.Site;

/**
 * A client's premises as the simulator sees them: where the sun is computed and which weather
 * region (a cell of about 1° × 1°, so that nearby clients share clouds and wind) they belong to.
 */
record SimSite(String clientId, double latitude, double longitude, String region, Site solar) {

    static SimSite of(String clientId, double latitude, double longitude) {
        String region = "r" + Math.round(latitude) + "," + Math.round(longitude);
        return new SimSite(clientId, latitude, longitude, region, Site.at(latitude, longitude));
    }
}
