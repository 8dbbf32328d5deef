package io.controlautogeneracion.ingest.api;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** An RFC 9457 problem body ({@code application/problem+json}). */
@RegisterForReflection
public record Problem(String type, String title, int status, String detail, String instance) {}
