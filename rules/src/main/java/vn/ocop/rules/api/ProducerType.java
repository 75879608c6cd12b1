package vn.ocop.rules.api;

/** Loại hình tổ chức sản xuất – kinh doanh, in the order of criterion A3.1 of the 2019 sheets. */
public enum ProducerType {
    /** Hộ có đăng ký kinh doanh. */
    HOUSEHOLD,
    /** Tổ hợp tác. */
    COOPERATIVE_GROUP,
    /** Doanh nghiệp tư nhân. */
    PRIVATE_ENTERPRISE,
    /** Công ty TNHH một thành viên. */
    SINGLE_MEMBER_LLC,
    /** Công ty TNHH hai thành viên trở lên. */
    MULTI_MEMBER_LLC,
    /** Công ty cổ phần, vốn cộng đồng địa phương dưới 51%. */
    JOINT_STOCK_MINORITY_COMMUNITY,
    /** Công ty cổ phần, vốn cộng đồng địa phương từ 51%. */
    JOINT_STOCK_MAJORITY_COMMUNITY,
    /** Hợp tác xã theo Luật HTX 2012. */
    COOPERATIVE
}
