package io.tiergate.campaign.record;

/** Why a request record was refused: a stable code, the field it names (or null) and a message for people. */
public record Rejection(String code, String field, String detail) {

    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String NOT_AN_OBJECT = "NOT_AN_OBJECT";
    public static final String MISSING_FIELD = "MISSING_FIELD";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String TOO_LARGE = "TOO_LARGE";
}
