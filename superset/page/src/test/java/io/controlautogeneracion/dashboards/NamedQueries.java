package io.controlautogeneracion.dashboards;

import java.util.List;

/** Every named query of {@code druid/queries/}. */
final class NamedQueries {
    private NamedQueries() {}

    static List<NamedQuery> all() {
        return ProjectFiles.list(ProjectFiles.queriesDir(), ".sql").stream()
                .map(NamedQuery::load)
                .toList();
    }
}
