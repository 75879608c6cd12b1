package vn.ocop.service.procedure.store;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The mapper between the procedure's aggregates, their stored form and the API's models: dates as ISO strings,
 * unknown fields ignored (the stored form carries fields the API does not show, and the reverse).
 */
public final class ProcedureJson {
    public static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private ProcedureJson() {}

    public static <T> T convert(Object from, Class<T> to) {
        return MAPPER.convertValue(from, to);
    }
}
