package io.controlautogeneracion.catalog.client;

import io.controlautogeneracion.model.catalog.DeviceKinds;
import io.controlautogeneracion.model.reading.DeviceKind;

/**
 * The catalog's document keys, one scheme shared by the writer (catalog-service) and every reader.
 * Documents are keyed by type and id in the default collection, so every point read is one
 * key-value get.
 *
 * <ul>
 *   <li>{@code client::<client_id>}
 *   <li>{@code element::<kind>::<model>} (kind is {@code panel}, {@code light} or {@code wind})
 *   <li>{@code panel::<id>}, {@code light::<id>}, {@code wind::<id>} (installed devices)
 *   <li>{@code rel::<kind>::<device_id>}: the device's whole relation history
 *   <li>{@code idx::...}: index documents that make listings work with key-value access only
 * </ul>
 */
public final class CatalogKeys {
    private CatalogKeys() {}

    public static String client(String clientId) {
        return "client::" + clientId;
    }

    public static String element(DeviceKind kind, String model) {
        return "element::" + DeviceKinds.of(kind) + "::" + model;
    }

    public static String device(DeviceKind kind, String deviceId) {
        return DeviceKinds.of(kind) + "::" + deviceId;
    }

    public static String relations(DeviceKind kind, String deviceId) {
        return "rel::" + DeviceKinds.of(kind) + "::" + deviceId;
    }

    /** Sorted ids of every client: paged listing. */
    public static String clientIndex() {
        return "idx::clients";
    }

    /** Sorted ids of every element of one kind. */
    public static String elementIndex(DeviceKind kind) {
        return "idx::elements::" + DeviceKinds.of(kind);
    }

    /** Every device ever related to a client (its periods live in the {@code rel::} documents). */
    public static String clientDevicesIndex(String clientId) {
        return "idx::client-devices::" + clientId;
    }

    /** Ids of the clients in one postal code. */
    public static String postalCodeIndex(String postalCode) {
        return "idx::postal::" + postalCode;
    }
}
