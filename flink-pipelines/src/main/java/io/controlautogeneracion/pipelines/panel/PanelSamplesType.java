package io.controlautogeneracion.pipelines.panel;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Flink's type of {@link PanelSamples}: an atomic value moved by {@link PanelSamplesSerializer}.
 */
public final class PanelSamplesType extends TypeInformation<PanelSamples> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<PanelSamples> getTypeClass() {
        return PanelSamples.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<PanelSamples> createSerializer(SerializerConfig config) {
        return new PanelSamplesSerializer();
    }

    @Override
    public String toString() {
        return "PanelSamples";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PanelSamplesType;
    }

    @Override
    public int hashCode() {
        return PanelSamplesType.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof PanelSamplesType;
    }

    /** What {@code TypeInformation.of(PanelSamples.class)} finds through the annotation. */
    public static final class Factory extends TypeInfoFactory<PanelSamples> {
        @Override
        public TypeInformation<PanelSamples> createTypeInfo(
                Type t, Map<String, TypeInformation<?>> genericParameters) {
            return new PanelSamplesType();
        }
    }
}
