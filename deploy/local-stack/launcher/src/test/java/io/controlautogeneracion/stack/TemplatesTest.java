package io.controlautogeneracion.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplatesTest {
    @Test
    void shouldFillEveryPlaceholder() {
        String out = Templates.render("a=${x}\nb=${y.z}:${x}", Map.of("x", "1", "y.z", "$2"), "t");
        assertThat(out).isEqualTo("a=1\nb=$2:1");
    }

    @Test
    void shouldNameTheMissingKeyAndTheTemplate() {
        assertThatThrownBy(() -> Templates.render("p=${missing}", Map.of(), "druid/common"))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("druid/common")
                .hasMessageContaining("missing");
    }
}
