package io.controlautogeneracion.stack.standin.disk;

import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A query's conditions per field, as an index can use them: equal values and range bounds, the
 * parts of an {@code $and} included. Everything else ({@code $or}, {@code $nor}, {@code $expr},
 * values the index order does not cover) is left to the match.
 */
final class QueryConditions {

    /** The conditions of a query on one field: equal values and range bounds. */
    static final class Field {
        final List<Object> equal = new ArrayList<>();
        Object lower;
        Object upper;
    }

    private final Map<String, Field> fields = new HashMap<>();

    private QueryConditions() {}

    static QueryConditions of(Document query) {
        QueryConditions conditions = new QueryConditions();
        conditions.collect(query);
        return conditions;
    }

    private Field field(String name) {
        return fields.computeIfAbsent(name, f -> new Field());
    }

    private void collect(Document query) {
        for (Map.Entry<String, Object> entry : query.entrySet()) {
            String name = entry.getKey();
            Object value = entry.getValue();
            if (name.equals("$and") && value instanceof Collection<?> parts) {
                for (Object part : parts) {
                    if (part instanceof Document document) {
                        collect(document);
                    }
                }
            } else if (name.startsWith("$")) {
                // $or, $nor, $expr, ...: left to the match
            } else if (OrderedValues.supported(value)) {
                field(name).equal.add(value);
            } else if (value instanceof Document operators) {
                for (Map.Entry<String, Object> op : operators.entrySet()) {
                    Object bound = op.getValue();
                    if (!OrderedValues.supported(bound)) {
                        continue;
                    }
                    switch (op.getKey()) {
                        case "$eq" -> field(name).equal.add(bound);
                        case "$gt", "$gte" -> field(name).lower = bound;
                        case "$lt", "$lte" -> field(name).upper = bound;
                        default -> {
                            // left to the match
                        }
                    }
                }
            }
        }
    }

    /**
     * The conditions on an index's leading {@code keys}, in key order: every key fixed by equality,
     * then at most one key bounded by a range; the keys after those cannot narrow the index range.
     */
    List<Field> leading(List<String> keys) {
        List<Field> leading = new ArrayList<>();
        for (String key : keys) {
            Field c = fields.get(key);
            if (c == null) {
                break;
            }
            leading.add(c);
            if (c.equal.isEmpty()) {
                break;
            }
        }
        return leading;
    }
}
