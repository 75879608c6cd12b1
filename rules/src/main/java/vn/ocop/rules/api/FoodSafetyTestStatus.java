package vn.ocop.rules.api;

/** Kiểm tra định kỳ các chỉ tiêu an toàn thực phẩm (criterion C2.2 of the 2019 food sheets). */
public enum FoodSafetyTestStatus {
    NONE,
    TESTED_FAILED,
    PASSED_INCOMPLETE,
    PASSED_COMPLETE
}
