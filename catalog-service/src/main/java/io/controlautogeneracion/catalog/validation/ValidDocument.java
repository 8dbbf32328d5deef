package io.controlautogeneracion.catalog.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A request body that must follow the catalog rules of its type ({@link CatalogRules}); the model
 * records stay free of validation annotations, so the rules live here, once.
 */
@Target({ElementType.PARAMETER, ElementType.FIELD, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = DocumentValidator.class)
public @interface ValidDocument {
    String message() default "breaks catalog rules";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
