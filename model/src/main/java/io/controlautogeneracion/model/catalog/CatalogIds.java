package io.controlautogeneracion.model.catalog;

import java.util.regex.Pattern;

/** The one format every catalog id (client, device, element model) follows. */
public final class CatalogIds {
    /** Letters, digits, '-', '_' and '.', starting with a letter or digit, at most 64 long. */
    public static final String ID_REGEX = "^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$";

    private static final Pattern ID = Pattern.compile(ID_REGEX);

    private CatalogIds() {}

    public static boolean isValid(String id) {
        return id != null && ID.matcher(id).matches();
    }
}
