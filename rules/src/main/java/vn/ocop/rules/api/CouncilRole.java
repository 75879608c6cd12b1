package vn.ocop.rules.api;

/** Role of a person on the evaluation council (hội đồng đánh giá). The secretary does not score. */
public enum CouncilRole { CHAIR, MEMBER, SECRETARY }
