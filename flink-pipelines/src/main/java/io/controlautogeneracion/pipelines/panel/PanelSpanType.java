package io.controlautogeneracion.pipelines.panel;

import io.controlautogeneracion.pipelines.batch.SerializerType;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/**
 * Flink's type of {@link PanelSpan} (through its {@code @TypeInfo}): an atomic value moved by
 * {@link PanelSpanSerializer}.
 */
public final class PanelSpanType extends TypeInfoFactory<PanelSpan> {
    @Override
    public TypeInformation<PanelSpan> createTypeInfo(
            Type t, Map<String, TypeInformation<?>> genericParameters) {
        return new SerializerType<>(PanelSpan.class, PanelSpanSerializer::new);
    }
}
