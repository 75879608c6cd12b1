package vn.ocop.service.platform.web;

import java.math.BigDecimal;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** A JSON reading failure as one refused field with a stable code and a Vietnamese message (null: not JSON at all). */
final class JsonProblems {
    private JsonProblems() {}

    static ApiException.FieldProblem of(JacksonException e) {
        String field = path(e);
        if (e instanceof UnrecognizedPropertyException) {
            return new ApiException.FieldProblem(
                    field, "UNKNOWN_FIELD", "trường không có trong hợp đồng API (unknown field)");
        }
        if (e instanceof InvalidNullException) {
            return new ApiException.FieldProblem(
                    field, "NULL_NOT_ALLOWED", "không được là null (null is not allowed here)");
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() == BigDecimal.class) {
            return new ApiException.FieldProblem(
                    field,
                    "TOO_MANY_DIGITS",
                    "số có quá nhiều chữ số: tối đa " + StrictJson.MAX_DIGITS + " chữ số và " + StrictJson.MAX_SCALE
                            + " chữ số thập phân (too many digits)");
        }
        if (e instanceof InputCoercionException || e instanceof StreamConstraintsException) {
            return new ApiException.FieldProblem(
                    field, "NUMBER_OUT_OF_RANGE", "số quá lớn cho trường này (number out of range)");
        }
        String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        if (message.startsWith("Duplicate Object property") || message.startsWith("Duplicate field")) {
            return new ApiException.FieldProblem(field, "DUPLICATE_KEY", "khóa xuất hiện hai lần (duplicate key)");
        }
        if (e instanceof MismatchedInputException
                || (e instanceof DatabindException && !e.getPath().isEmpty())) {
            // a wrong type, a coercion refused, an unknown enum value, a bad date
            return new ApiException.FieldProblem(
                    field, "WRONG_TYPE", "giá trị sai kiểu hoặc không hợp lệ (wrong type or invalid value)");
        }
        return null;
    }

    /** The JSON path of the refused value ("assessments[1].member"), or "body". */
    static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        e.getPath().forEach(ref -> {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) sb.append('.');
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        });
        return sb.isEmpty() ? "body" : sb.toString();
    }
}
