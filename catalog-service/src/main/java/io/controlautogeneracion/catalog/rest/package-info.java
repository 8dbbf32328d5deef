/** What the REST resources share: a listing's page and the {@code at} query parameter. */
package io.controlautogeneracion.catalog.rest;
