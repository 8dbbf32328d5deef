package io.controlautogeneracion.stack.junit;

import io.controlautogeneracion.stack.Engine;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Starts the engines named by {@link WithLocalStack} before a test class, once per test run: the
 * stack lives in the root store and is stopped when the run ends.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(LocalStackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        EnumSet<Engine> engines = EnumSet.noneOf(Engine.class);
        AnnotationSupport.findAnnotation(context.getRequiredTestClass(), WithLocalStack.class)
                .ifPresent(a -> engines.addAll(List.of(a.value())));
        running(context).ensure(engines);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return running(context);
    }

    private static RunningStack running(ExtensionContext context) {
        return context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        RunningStack.class, key -> new RunningStack(), RunningStack.class);
    }
}
