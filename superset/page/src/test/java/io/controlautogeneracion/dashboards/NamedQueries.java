package io.controlautogeneracion.dashboards;

import io.controlautogeneracion.testing.ProjectFiles;
import java.util.List;

/** Every named query of {@code druid/queries/}. */
final class NamedQueries {
    private NamedQueries() {}

    static List<NamedQuery> all() {
        return ProjectFiles.list(ProjectFiles.path("druid/queries"), ".sql").stream()
                .map(NamedQuery::load)
                .toList();
    }
}
