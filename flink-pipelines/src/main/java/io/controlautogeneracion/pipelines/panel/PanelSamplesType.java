package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.pipelines.batch.SerializerType;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Flink's type of {@link PanelSamples} (through its {@code @TypeInfo}): an atomic value moved by
 * {@link PanelSamplesSerializer}.
 */
public final class PanelSamplesType extends TypeInfoFactory<PanelSamples> {
    @Override
    public TypeInformation<PanelSamples> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return new SerializerType<>(PanelSamples.class, PanelSamplesSerializer::new);
    }
}
