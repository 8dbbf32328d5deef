package io.controlautogeneracion.dashboards;

import io.controlautogeneracion.druid.DruidClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The named queries of {@code druid/queries/}, by name: the only SQL the dashboards server runs,
 * the same files Superset's datasets are checked against; and the native forms of {@code
 * druid/queries/native/}, run instead of the SQL for the values they name.
 */
public final class QueryCatalog {
    private final Map<String, NamedQuery> byName;
    private final Map<String, NativeForm> natives;

    private QueryCatalog(Map<String, NamedQuery> byName, Map<String, NativeForm> natives) {
        this.byName = byName;
        this.natives = natives;
    }

    /**
     * Every {@code .sql} file of {@code dir}, and every {@code .json} file of its {@code native/}.
     */
    public static QueryCatalog load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new UncheckedIOException(new IOException("no named queries in " + dir));
        }
        Map<String, NamedQuery> queries = new TreeMap<>();
        for (Path file : list(dir, ".sql")) {
            NamedQuery query = NamedQuery.load(file);
            queries.put(query.name(), query);
        }
        Map<String, NativeForm> natives = new HashMap<>();
        if (Files.isDirectory(dir.resolve("native"))) {
            for (Path file : list(dir.resolve("native"), ".json")) {
                NativeForm form = NativeForm.load(file);
                natives.put(form.name(), checked(form, queries.get(form.name())));
            }
        }
        return new QueryCatalog(Map.copyOf(queries), Map.copyOf(natives));
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

    /** The native form of a named query, if it has one. */
    public Optional<NativeForm> nativeForm(String name) {
        return Optional.ofNullable(natives.get(name));
    }

    /**
     * Runs a named query with its parameters' values: its native form where that applies to the
     * values, its SQL otherwise; the same rows either way.
     *
     * @param limit the most rows to ask for, 0 for all
     * @param context Druid's query context (timeout, cache)
     */
    public List<Map<String, Object>> run(
            DruidClient druid,
            NamedQuery query,
            List<Object> values,
            int limit,
            Map<String, Object> context) {
        NativeForm form = natives.get(query.name());
        if (form != null && form.appliesTo(query, values)) {
            return form.rows(druid.nativeQuery(form.bind(query, values, limit, context)));
        }
        Map<String, Object> sqlContext = new HashMap<>(context);
        if (limit > 0) {
            sqlContext.put("sqlOuterLimit", limit);
        }
        return druid.sql(sqlContext, query.body(), values.toArray());
    }

    /** A native form that names only its query's parameters, and of a query that exists. */
    private static NativeForm checked(NativeForm form, NamedQuery query) {
        if (query == null) {
            throw new IllegalArgumentException(
                    "native/" + form.name() + ".json has no named query " + form.name() + ".sql");
        }
        Set<String> params =
                query.params().stream().map(NamedQuery.Param::name).collect(Collectors.toSet());
        Set<String> named = new TreeSet<>(form.parameters());
        named.removeAll(params);
        if (!named.isEmpty()) {
            throw new IllegalArgumentException(
                    "native/"
                            + form.name()
                            + ".json names parameters that "
                            + form.name()
                            + ".sql does not have: "
                            + named);
        }
        return form;
    }

    private static List<Path> list(Path dir, String suffix) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }
}
