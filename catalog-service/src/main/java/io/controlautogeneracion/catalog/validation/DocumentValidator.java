package io.controlautogeneracion.catalog.validation;

import io.controlautogeneracion.catalog.error.Violation;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;

/** Bean Validation adapter of {@link CatalogRules}: one violation per broken field. */
public class DocumentValidator implements ConstraintValidator<ValidDocument, Object> {

    @Override
    public boolean isValid(Object document, ConstraintValidatorContext context) {
        List<Violation> violations = CatalogRules.check(document);
        if (violations.isEmpty()) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        for (Violation v : violations) {
            context.buildConstraintViolationWithTemplate(escape(v.message()))
                    .addPropertyNode(v.field())
                    .addConstraintViolation();
        }
        return false;
    }

    private static String escape(String message) {
        return message.replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    }
}
