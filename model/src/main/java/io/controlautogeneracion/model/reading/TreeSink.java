package io.controlautogeneracion.model.reading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Builds the message's Jackson tree from what {@link ReadingParser} reads: the nodes Jackson's own
 * tree reader makes of the same text (int, long and BigInteger nodes by size, doubles), fields in
 * the order sent.
 */
final class TreeSink implements JsonSink {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Deque<ContainerNode<?>> open = new ArrayDeque<>();
    private ObjectNode root;

    /** The message read, or null when none was (completely) read. */
    ObjectNode root() {
        return open.isEmpty() ? root : null;
    }

    @Override
    public void restart() {
        open.clear();
        root = null;
    }

    @Override
    public void startObject(String name) {
        ObjectNode node = NODES.objectNode();
        if (open.isEmpty()) {
            root = node;
        } else {
            add(name, node);
        }
        open.push(node);
    }

    @Override
    public void endObject() {
        open.pop();
    }

    @Override
    public void startArray(String name) {
        ArrayNode node = NODES.arrayNode();
        add(name, node);
        open.push(node);
    }

    @Override
    public void endArray() {
        open.pop();
    }

    @Override
    public void string(String name, String value) {
        add(name, NODES.textNode(value));
    }

    @Override
    public void int32(String name, int value) {
        add(name, NODES.numberNode(value));
    }

    @Override
    public void int64(String name, long value) {
        add(name, NODES.numberNode(value));
    }

    @Override
    public void bigInteger(String name, BigInteger value) {
        add(name, NODES.numberNode(value));
    }

    @Override
    public void doubleValue(String name, double value) {
        add(name, NODES.numberNode(value));
    }

    @Override
    public void bool(String name, boolean value) {
        add(name, NODES.booleanNode(value));
    }

    @Override
    public void nullValue(String name) {
        add(name, NODES.nullNode());
    }

    private void add(String name, JsonNode node) {
        ContainerNode<?> parent = open.peek();
        if (parent instanceof ObjectNode object) {
            object.set(name, node);
        } else {
            ((ArrayNode) parent).add(node);
        }
    }
}
