package io.controlautogeneracion.dashboards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The named queries of {@code druid/queries/}, by name: the only SQL the dashboards server runs,
 * the same files Superset's datasets are checked against.
 */
public final class QueryCatalog {
    private final Map<String, NamedQuery> byName;

    private QueryCatalog(Map<String, NamedQuery> byName) {
        this.byName = byName;
    }

    /** Every {@code .sql} file of {@code dir}. */
    public static QueryCatalog load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new IOException("no named queries in " + dir));
        }
        Map<String, NamedQuery> queries = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".sql"))
                    .map(NamedQuery::load)
                    .forEach(q -> queries.put(q.name(), q));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return new QueryCatalog(Map.copyOf(queries));
    }

    /** The query of that name; 404 when there is none. */
    public NamedQuery get(String name) {
        NamedQuery query = byName.get(name);
        if (query == null) {
            throw new DashboardsException(404, "no named query '" + name + "' in druid/queries/");
        }
        return query;
    }

    public Collection<NamedQuery> all() {
        return new TreeMap<>(byName).values();
    }
}
