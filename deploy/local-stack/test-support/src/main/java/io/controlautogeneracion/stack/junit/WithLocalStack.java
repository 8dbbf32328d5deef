package io.controlautogeneracion.stack.junit;

import io.controlautogeneracion.stack.Engine;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares the engines a test class needs. They are started once per test run (on free ports, with
 * data under {@code target/local-stack}) and stopped after it; a test receives them as a {@link
 * RunningStack} parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ExtendWith(LocalStackExtension.class)
public @interface WithLocalStack {
    Engine[] value();
}
