package io.controlautogeneracion.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.junit.jupiter.api.Test;

class JsonToBsonTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldKeepEveryJsonTypeAsItsBsonCounterpart() throws Exception {
        ObjectNode node =
                (ObjectNode)
                        json.readTree(
                                "{\"s\":\"x\",\"i\":1,\"l\":12345678901,\"d\":1.5,\"b\":true,\"n\":null,"
                                    + "\"big\":123456789012345678901234567890,\"a\":[1,{\"k\":\"v\"}],\"o\":{\"p\":2}}");
        Document document = JsonToBson.toDocument(node);
        assertThat(document.get("s")).isEqualTo("x");
        assertThat(document.get("i")).isEqualTo(1);
        assertThat(document.get("l")).isEqualTo(12345678901L);
        assertThat(document.get("d")).isEqualTo(1.5);
        assertThat(document.get("b")).isEqualTo(true);
        assertThat(document.containsKey("n")).isTrue();
        assertThat(document.get("big")).isInstanceOf(Decimal128.class);
        assertThat(document.getList("a", Object.class)).containsExactly(1, new Document("k", "v"));
        assertThat(document.get("o", Document.class).get("p")).isEqualTo(2);
        assertThat(List.copyOf(document.keySet()))
                .containsExactly("s", "i", "l", "d", "b", "n", "big", "a", "o");
    }

    @Test
    void shouldKeepFieldNamesAsSent() throws Exception {
        Document document =
                JsonToBson.toDocument(
                        (ObjectNode) json.readTree("{\"a.b\":1,\"ok$\":{\"c.d\":3}}"));
        assertThat(document.keySet()).containsExactly("a.b", "ok$");
        assertThat(document.get("ok$", Document.class).keySet()).containsExactly("c.d");
    }
}
