/**
 * Catalog documents kept in Couchbase (SPEC §5): clients, element types, installed panels, light
 * sensors and anemometers, and the client–device relations with their validity periods. JSON field
 * names are the seed's (snake_case); dates are ISO-8601 strings whatever ObjectMapper reads them.
 */
package io.controlautogeneracion.model.catalog;
