/**
 * The company's clients (SPEC's {@code client}: the owners of the installed devices): their
 * documents and the {@code /clients} resource. Named apart from {@code catalog.client}, the
 * catalog's reader library.
 */
package io.controlautogeneracion.catalog.customer;
