package vn.ocop.service.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import tools.jackson.databind.json.JsonMapper;

class StrictJsonTests {
    record Numbers(Integer option, BigDecimal pct, java.util.List<String> tags) {}

    final JsonMapper strict = StrictJson.strict(JsonMapper.builder().build());

    @Test
    void integersAreNotGuessed() {
        assertThat(strict.readValue("{\"option\":3}", Numbers.class).option()).isEqualTo(3);
        for (String bad : new String[] {"3.5", "\"3\"", "true", "3.0", "1e-999999999"}) {
            assertThatThrownBy(() -> strict.readValue("{\"option\":" + bad + "}", Numbers.class))
                    .as(bad)
                    .isInstanceOf(tools.jackson.core.JacksonException.class);
        }
    }

    @Test
    void decimalsAreBoundedAndWrittenPlainly() {
        assertThat(strict.readValue("{\"pct\":80.50}", Numbers.class).pct()).isEqualTo(new BigDecimal("80.5"));
        assertThat(strict.readValue("{\"pct\":1E+2}", Numbers.class).pct().toString())
                .isEqualTo("100");
        assertThat(strict.readValue("{\"pct\":0.000}", Numbers.class).pct()).isEqualTo(BigDecimal.ZERO);
        for (String bad :
                new String[] {"1e-999999999", "1e999999999", "1." + "1".repeat(34), "0.000000000000000000001"}) {
            assertThatThrownBy(() -> strict.readValue("{\"pct\":" + bad + "}", Numbers.class))
                    .as(bad)
                    .isInstanceOf(tools.jackson.databind.exc.InvalidFormatException.class);
        }
    }

    @Test
    void nullsInArraysUnknownFieldsAndDuplicateKeysAreRefused() {
        assertThatThrownBy(() -> strict.readValue("{\"tags\":[null]}", Numbers.class))
                .isInstanceOf(tools.jackson.databind.exc.InvalidNullException.class);
        assertThatThrownBy(() -> strict.readValue("{\"colour\":1}", Numbers.class))
                .isInstanceOf(tools.jackson.databind.exc.UnrecognizedPropertyException.class);
        assertThatThrownBy(() -> strict.readValue("{\"option\":1,\"option\":2}", Numbers.class))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
        assertThatThrownBy(() -> strict.readValue("{\"option\":1} {}", Numbers.class))
                .isInstanceOf(tools.jackson.core.JacksonException.class);
    }

    @Test
    void onlyUtf8IsRead() {
        assertThat(StrictJson.isUtf8(MediaType.APPLICATION_JSON)).isTrue();
        assertThat(StrictJson.isUtf8(MediaType.parseMediaType("application/json; charset=utf-8")))
                .isTrue();
        assertThat(StrictJson.isUtf8(MediaType.parseMediaType("application/json; charset=ISO-8859-1")))
                .isFalse();
        assertThat(StrictJson.isUtf8(MediaType.parseMediaType("application/json; charset=windows-1258")))
                .isFalse();
    }
}
