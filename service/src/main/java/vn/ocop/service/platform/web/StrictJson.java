package vn.ocop.service.platform.web;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

/**
 * How request bodies are read: exactly what the contract says, nothing guessed. Unknown fields, a second value for
 * the same key, trailing content, nulls inside arrays and maps, 3.5 / "3" / true for an integer, a number for a
 * string or an enum, and decimals that cannot be stored exactly (more than {@value #MAX_DIGITS} significant digits
 * or {@value #MAX_SCALE} decimal places; MongoDB's Decimal128 holds 34) are refused with the field's path, so that
 * what is accepted can be stored and evaluated later. Only UTF-8 is read: a body declared in another charset is
 * refused (415) rather than stored as mojibake. Responses are written by the application's usual mapper.
 */
public final class StrictJson {
    public static final int MAX_DIGITS = 34;
    public static final int MAX_SCALE = 20;

    private StrictJson() {}

    /** A copy of the application's mapper with the strict reading rules. */
    public static JsonMapper strict(JsonMapper base) {
        SimpleModule decimals = new SimpleModule("bounded-decimals");
        decimals.addDeserializer(BigDecimal.class, new BoundedDecimalDeserializer());
        return base.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .changeDefaultNullHandling(n -> JsonSetter.Value.forContentNulls(Nulls.FAIL))
                .withCoercionConfig(
                        LogicalType.Textual,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Integer,
                        c -> c.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Float,
                        c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.String, CoercionAction.Fail))
                .withCoercionConfig(
                        LogicalType.Enum,
                        c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .addModule(decimals)
                .build();
    }

    /** The JSON converter for request and response bodies (a charset other than UTF-8 is refused by BodySizeLimitFilter). */
    public static JacksonJsonHttpMessageConverter converter(JsonMapper strict) {
        return new JacksonJsonHttpMessageConverter(strict);
    }

    /** Whether a body of this type is read as UTF-8: no charset (JSON's default) or UTF-8. */
    static boolean isUtf8(MediaType mediaType) {
        if (mediaType == null) return true;
        String charset = mediaType.getParameter("charset");
        if (charset == null) return true;
        try {
            return Charset.forName(charset.replace("\"", "").trim()).equals(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A decimal that a later Decimal128, BigDecimal arithmetic or canonical form handles: bounded digits and scale. */
    static final class BoundedDecimalDeserializer extends NumberDeserializers.BigDecimalDeserializer {
        @Override
        public BigDecimal deserialize(JsonParser p, DeserializationContext ctxt) {
            BigDecimal v = super.deserialize(p, ctxt);
            if (v == null) return null;
            BigDecimal stripped = v.signum() == 0 ? BigDecimal.ZERO : v.stripTrailingZeros();
            long integerDigits = (long) stripped.precision() - stripped.scale();
            if (stripped.scale() > MAX_SCALE
                    || integerDigits > MAX_DIGITS
                    || Math.max(integerDigits, 0) + Math.max(stripped.scale(), 0) > MAX_DIGITS) {
                throw InvalidFormatException.from(
                        p,
                        "at most " + MAX_DIGITS + " digits and " + MAX_SCALE + " decimal places",
                        p.getString(),
                        BigDecimal.class);
            }
            // 1E+2 is written back as 100 (scale 0), 80.50 as 80.5
            return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
        }
    }
}
