package io.controlautogeneracion.stack.drill;

import java.util.ArrayList;
import java.util.List;

/**
 * The drill's time line: a warm-up, then one phase per part killed, from its kill to the next one.
 * Whatever is lost or duplicated is charged to the phase its message was sent in.
 */
final class Phases {
    private final List<String> names = new ArrayList<>();
    private final List<Long> starts = new ArrayList<>();

    Phases(long startMillis) {
        begin("(none: warm-up)", startMillis);
    }

    void begin(String name, long startMillis) {
        names.add(name);
        starts.add(startMillis);
    }

    int size() {
        return names.size();
    }

    String name(int phase) {
        return names.get(phase);
    }

    /** The phase a message sent at this time belongs to. */
    int of(long millis) {
        int phase = 0;
        for (int i = 1; i < starts.size(); i++) {
            if (millis >= starts.get(i)) {
                phase = i;
            }
        }
        return phase;
    }
}
