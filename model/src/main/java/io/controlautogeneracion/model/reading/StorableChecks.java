package io.controlautogeneracion.model.reading;

/**
 * The rules of SPEC §3 that decide whether a parsed message can be stored as a document as it is:
 * no field name with a NUL character (the BSON format cannot hold it), none starting with {@code $}
 * (MongoDB's operator prefix), and no unpaired UTF-16 surrogate (a {@code \ud800} escape) in a name
 * or a string, which has no UTF-8 form. Nesting depth and size are bounded by the parser. {@link
 * MessageReader} applies them to every name and string as it reads them; no allocation unless
 * something is wrong.
 *
 * <p>Decision on dotted names ({@code "a.b"}): allowed and stored as they are. Every MongoDB server
 * since 3.6 stores them in an inserted document (only queries on such a field need {@code
 * $getField}), and processing reads no field whose name has a dot. {@code $}-prefixed names are
 * refused: servers before 5.0 refuse them, later ones store them but they cannot be updated or
 * queried with the ordinary operators, and {@code $ref}/{@code $id}/{@code $db} mean a DBRef.
 */
final class StorableChecks {

    private static final int MAX_QUOTED = 40;

    private StorableChecks() {}

    /**
     * Why a field name cannot be stored as it is, or null when it can; {@code escapes} false: the
     * name was read from text without a backslash, so it holds no NUL and no surrogate.
     */
    static String nameProblem(String name, boolean escapes) {
        if (escapes && name.indexOf('\0') >= 0) {
            return "field name "
                    + quote(name)
                    + " contains a NUL character, which a MongoDB document cannot hold";
        }
        if (name.startsWith("$")) {
            return "field name "
                    + quote(name)
                    + " starts with '$', which MongoDB reserves for operators";
        }
        if (escapes && unpairedSurrogate(name) >= 0) {
            return "field name "
                    + quote(name)
                    + " holds an unpaired UTF-16 surrogate, which is not a Unicode character";
        }
        return null;
    }

    /** Why a string value cannot be stored as it is, or null when it can. */
    static String stringProblem(String value) {
        return unpairedSurrogate(value) < 0
                ? null
                : "a string value "
                        + quote(value)
                        + " holds an unpaired UTF-16 surrogate, which is not a Unicode character";
    }

    /** The index of the first surrogate that is not part of a pair, or -1. */
    static int unpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
                continue;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else {
                return i;
            }
        }
        return -1;
    }

    /**
     * A name or value quoted for a reason sentence: control characters and surrogates as {@code
     * \}{@code uXXXX} escapes, cut after {@value #MAX_QUOTED} characters.
     */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder("'");
        int end = Math.min(text.length(), MAX_QUOTED);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        if (end < text.length()) {
            quoted.append("…");
        }
        return quoted.append('\'').toString();
    }
}
