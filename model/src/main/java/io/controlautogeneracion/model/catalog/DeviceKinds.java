package io.controlautogeneracion.model.catalog;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdScalarSerializer;
import io.controlautogeneracion.model.reading.DeviceKind;
import java.io.IOException;
import java.util.Locale;

/** Lower-case names of {@link DeviceKind}, as used in catalog keys, URLs and JSON. */
public final class DeviceKinds {
    /** The lower-case names as a regular expression, for path and query parameters. */
    public static final String REGEX = "panel|light|wind";

    private DeviceKinds() {}

    /** The lower-case name of {@code kind}. */
    public static String of(DeviceKind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code name} in any case, or null when there is none. */
    public static DeviceKind parse(String name) {
        if (name == null) {
            return null;
        }
        for (DeviceKind kind : DeviceKind.values()) {
            if (kind.name().equalsIgnoreCase(name.trim())) {
                return kind;
            }
        }
        return null;
    }

    /** Jackson writer. */
    public static final class Writer extends StdScalarSerializer<DeviceKind> {
        private static final long serialVersionUID = 1L;

        public Writer() {
            super(DeviceKind.class);
        }

        @Override
        public void serialize(DeviceKind value, JsonGenerator gen, SerializerProvider provider)
                throws IOException {
            gen.writeString(of(value));
        }
    }

    /** Jackson reader. */
    public static final class Reader extends StdScalarDeserializer<DeviceKind> {
        private static final long serialVersionUID = 1L;

        public Reader() {
            super(DeviceKind.class);
        }

        @Override
        public DeviceKind deserialize(JsonParser p, DeserializationContext ctxt)
                throws IOException {
            String text = p.getValueAsString();
            DeviceKind kind = parse(text);
            if (kind == null && text != null && !text.isBlank()) {
                return (DeviceKind)
                        ctxt.handleWeirdStringValue(
                                DeviceKind.class, text, "expected panel, light or wind");
            }
            return kind;
        }
    }
}
