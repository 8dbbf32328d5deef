package io.controlautogeneracion.deploy;

/** Image references: the project's own ones, and an image's bare name. */
final class Images {
    /** The project's registry in the Kubernetes manifests (kustomize rewrites tags only). */
    static final String K8S_PREFIX = "ghcr.io/control-autogeneracion/";

    private Images() {}

    /**
     * {@code ${REGISTRY:-ghcr.io/x}/ingest-service:${TAG:-latest}} → {@code ingest-service}: the
     * last path segment without its tag.
     */
    static String name(String image) {
        String last = image.substring(image.lastIndexOf('/') + 1);
        int colon = last.indexOf(':');
        return colon < 0 ? last : last.substring(0, colon);
    }

    /** Whether the compose file builds this image (its registry is the project's variable). */
    static boolean ownInCompose(String image) {
        return image.startsWith("${REGISTRY");
    }
}
