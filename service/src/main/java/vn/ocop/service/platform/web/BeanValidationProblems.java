package vn.ocop.service.platform.web;

import java.util.Map;
import org.springframework.validation.FieldError;

/** Bean Validation's errors on a body, with the contract's limits named by their own codes and said in Vietnamese. */
final class BeanValidationProblems {
    private BeanValidationProblems() {}

    /** Count limits of the contract (maxItems / maxProperties) that have their own code, by field. */
    private static final Map<String, String> COUNT_LIMITS = Map.of(
            "assessments", "TOO_MANY_MEMBERS",
            "selections", "TOO_MANY_CRITERIA",
            "files", "TOO_MANY_FILES");

    static ApiException.FieldProblem of(FieldError f) {
        String field = f.getField();
        String constraint = f.getCode() == null ? "" : f.getCode();
        String leaf = field.replaceAll("\\[\\d+]", "");
        leaf = leaf.substring(leaf.lastIndexOf('.') + 1);
        String english = f.getDefaultMessage() == null ? "" : " (" + f.getDefaultMessage() + ")";
        return switch (constraint) {
            case "Size" -> {
                String code = COUNT_LIMITS.get(leaf);
                yield code != null
                        ? new ApiException.FieldProblem(field, code, "quá nhiều phần tử" + english)
                        : new ApiException.FieldProblem(
                                field,
                                f.getRejectedValue() instanceof CharSequence ? "TEXT_TOO_LONG" : "TOO_MANY_ITEMS",
                                "độ dài hoặc số phần tử ngoài giới hạn" + english);
            }
            case "NotNull", "NotEmpty", "NotBlank" ->
                new ApiException.FieldProblem(field, "REQUIRED", "bắt buộc" + english);
            case "Min", "Max", "DecimalMin", "DecimalMax" ->
                new ApiException.FieldProblem(field, "NUMBER_OUT_OF_RANGE", "số ngoài khoảng cho phép" + english);
            case "Pattern" -> new ApiException.FieldProblem(field, "INVALID_CODE", "không đúng định dạng" + english);
            default -> new ApiException.FieldProblem(field, null, "không hợp lệ" + english);
        };
    }
}
