package io.simfleet.client;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The detailed result code of an SFT answer ({@code Response.resultParam.resultCode}): a number
 * such as {@code 6411}. The codes simfleet answers are named constants; any other number (a code a
 * newer server answers) is kept as it came, with the name {@code UNKNOWN}.
 */
public final class ResultCode {
    private static final Map<Integer, ResultCode> KNOWN = new ConcurrentHashMap<>();

    // generic
    public static final ResultCode MANDATORY_PARAMETER_MISSING = known(1000, "MANDATORY_PARAMETER_MISSING");
    public static final ResultCode WRONG_INPUT_PARAMETER = known(1001, "WRONG_INPUT_PARAMETER");
    public static final ResultCode NO_DATA_AVAILABLE = known(1359, "NO_DATA_AVAILABLE");
    public static final ResultCode INSUFFICIENT_PRIVILEGE = known(10002, "INSUFFICIENT_PRIVILEGE");
    public static final ResultCode UNAUTHORIZED = known(401, "UNAUTHORIZED");
    public static final ResultCode RATE_LIMIT_EXCEEDED = known(429, "RATE_LIMIT_EXCEEDED");
    public static final ResultCode INTERNAL_FAILURE = known(10160, "INTERNAL_FAILURE");
    // authentication
    public static final ResultCode BAD_CREDENTIALS = known(10126, "BAD_CREDENTIALS");
    public static final ResultCode WRONG_TARGET_ACCOUNT = known(10117, "WRONG_TARGET_ACCOUNT");
    public static final ResultCode USER_BLOCKED = known(11044, "USER_BLOCKED");
    // create, link, activate
    public static final ResultCode SIM_PROVISIONING_SUCCESS = known(5014, "SIM_PROVISIONING_SUCCESS");
    public static final ResultCode SIM_PROVISIONING_FAILURE = known(5015, "SIM_PROVISIONING_FAILURE");
    public static final ResultCode SIM_ALREADY_PROVISIONED = known(5016, "SIM_ALREADY_PROVISIONED");
    public static final ResultCode LINK_SIM_SUCCESS = known(6409, "LINK_SIM_SUCCESS");
    public static final ResultCode LINK_SIM_FAILURE = known(6410, "LINK_SIM_FAILURE");
    public static final ResultCode CREATE_ENDPOINT_SUCCESS = known(6411, "CREATE_ENDPOINT_SUCCESS");
    public static final ResultCode CREATE_ENDPOINT_FAILURE = known(6412, "CREATE_ENDPOINT_FAILURE");
    public static final ResultCode DUPLICATE_IMSI = known(2026, "DUPLICATE_IMSI");
    public static final ResultCode MSISDN_NOT_EXIST = known(6722, "MSISDN_NOT_EXIST");
    public static final ResultCode LOW_BALANCE = known(7022, "LOW_BALANCE");
    public static final ResultCode ADDON_BILLING_TYPE_MISMATCH = known(10023, "ADDON_BILLING_TYPE_MISMATCH");
    public static final ResultCode MAXIMUM_COUNT_EXCEEDED = known(10073, "MAXIMUM_COUNT_EXCEEDED");
    public static final ResultCode MAXIMUM_BENEFIT_LIMIT = known(10077, "MAXIMUM_BENEFIT_LIMIT");
    public static final ResultCode ADDON_ROAMING_PROFILE_MISMATCH = known(10080, "ADDON_ROAMING_PROFILE_MISMATCH");
    public static final ResultCode SERVICE_NOT_AVAILABLE_FOR_PLAN = known(10093, "SERVICE_NOT_AVAILABLE_FOR_PLAN");
    public static final ResultCode MAXIMUM_TAGS_REACHED = known(10120, "MAXIMUM_TAGS_REACHED");
    public static final ResultCode ICCID_NOT_AVAILABLE = known(10140, "ICCID_NOT_AVAILABLE");
    public static final ResultCode DYNAMIC_BENEFIT_COVERAGE_MISMATCH = known(10200, "DYNAMIC_BENEFIT_COVERAGE_MISMATCH");
    public static final ResultCode DYNAMIC_BENEFIT_REQUIRED = known(10201, "DYNAMIC_BENEFIT_REQUIRED");
    public static final ResultCode DUPLICATE_ADDON_PLANS = known(10221, "DUPLICATE_ADDON_PLANS");
    public static final ResultCode OPERATION_FAILED_VERIFY = known(10239, "OPERATION_FAILED_VERIFY");
    public static final ResultCode OPERATION_TIMED_OUT_VERIFY = known(10240, "OPERATION_TIMED_OUT_VERIFY");
    // modify
    public static final ResultCode MODIFY_ENDPOINT_SUCCESS = known(10068, "MODIFY_ENDPOINT_SUCCESS");
    public static final ResultCode MODIFY_ENDPOINT_FAILURE = known(10069, "MODIFY_ENDPOINT_FAILURE");
    public static final ResultCode SUBSCRIBER_NOT_ACTIVE = known(2503, "SUBSCRIBER_NOT_ACTIVE");
    public static final ResultCode DYNAMIC_BENEFIT_REMOVAL_NOT_ALLOWED = known(10145, "DYNAMIC_BENEFIT_REMOVAL_NOT_ALLOWED");
    public static final ResultCode SAME_DYNAMIC_BENEFIT = known(10147, "SAME_DYNAMIC_BENEFIT");
    public static final ResultCode SERVICE_ALREADY_BARRED = known(10230, "SERVICE_ALREADY_BARRED");
    public static final ResultCode SERVICE_ALREADY_UNBARRED = known(10231, "SERVICE_ALREADY_UNBARRED");
    public static final ResultCode SERVICE_NOT_PRESENT = known(10232, "SERVICE_NOT_PRESENT");
    public static final ResultCode UNBAR_RAT_DATA_BARRED = known(10233, "UNBAR_RAT_DATA_BARRED");
    // delete
    public static final ResultCode DELETE_NOT_ALLOWED = known(10158, "DELETE_NOT_ALLOWED");
    public static final ResultCode DELETE_SUCCESS = known(10159, "DELETE_SUCCESS");
    // link, de-link, activation
    public static final ResultCode SIM_ALREADY_ACTIVE = known(2507, "SIM_ALREADY_ACTIVE");
    public static final ResultCode SIM_ALREADY_SUSPENDED = known(10108, "SIM_ALREADY_SUSPENDED");
    public static final ResultCode SIM_ALREADY_PRE_ACTIVE = known(10109, "SIM_ALREADY_PRE_ACTIVE");
    public static final ResultCode DELINK_SUCCESS = known(6413, "DELINK_SUCCESS");
    public static final ResultCode DELINK_FAILURE = known(6414, "DELINK_FAILURE");
    public static final ResultCode SIM_NOT_ATTACHED = known(6420, "SIM_NOT_ATTACHED");
    public static final ResultCode DELINK_QUEUED = known(7021, "DELINK_QUEUED");
    public static final ResultCode SIM_SWAP_SUCCESS = known(10966, "SIM_SWAP_SUCCESS");
    public static final ResultCode SIM_SWAP_FAILURE = known(10967, "SIM_SWAP_FAILURE");
    // lifecycle
    public static final ResultCode LIFECYCLE_SUCCESS = known(5017, "LIFECYCLE_SUCCESS");
    public static final ResultCode LIFECYCLE_FAILURE = known(5018, "LIFECYCLE_FAILURE");
    /** The reference's success code for OEM transitions; simfleet answers 5017 (accept both). */
    public static final ResultCode LIFECYCLE_REQUESTED = known(9003, "LIFECYCLE_REQUESTED");
    public static final ResultCode SAME_LIFECYCLE = known(1254, "SAME_LIFECYCLE");
    public static final ResultCode PRE_ACTIVE_OR_HOLD = known(8104, "PRE_ACTIVE_OR_HOLD");
    public static final ResultCode INVALID_LIFECYCLE = known(1008, "INVALID_LIFECYCLE");
    public static final ResultCode ENDPOINT_DEACTIVATED = known(1009, "ENDPOINT_DEACTIVATED");
    public static final ResultCode PARENT_NOT_ACTIVE = known(1242, "PARENT_NOT_ACTIVE");
    // roaming profile, plan
    public static final ResultCode ROAMING_PROFILE_SUCCESS = known(1372, "ROAMING_PROFILE_SUCCESS");
    public static final ResultCode ROAMING_PROFILE_FAILURE = known(1373, "ROAMING_PROFILE_FAILURE");
    public static final ResultCode PLAN_TYPE_MISMATCH = known(7000, "PLAN_TYPE_MISMATCH");
    public static final ResultCode PLAN_CHANGE_SUCCESS = known(7001, "PLAN_CHANGE_SUCCESS");
    public static final ResultCode PLAN_CHANGE_FAILURE = known(7002, "PLAN_CHANGE_FAILURE");
    public static final ResultCode PLAN_ALREADY_EXISTS = known(5020, "PLAN_ALREADY_EXISTS");
    public static final ResultCode OEM_PLAN_CHANGE_NOT_ALLOWED = known(10173, "OEM_PLAN_CHANGE_NOT_ALLOWED");
    // bulk
    public static final ResultCode BULK_PROVISIONING_ACCEPTED = known(10054, "BULK_PROVISIONING_ACCEPTED");
    public static final ResultCode BULK_ICCID_LIST_DUPLICATES = known(10146, "BULK_ICCID_LIST_DUPLICATES");
    public static final ResultCode BULK_RANGE_OR_LIST = known(10148, "BULK_RANGE_OR_LIST");
    public static final ResultCode FETCH_PROVISIONING_DETAILS_SUCCESS = known(10050, "FETCH_PROVISIONING_DETAILS_SUCCESS");
    public static final ResultCode FETCH_PROVISIONING_DETAILS_FAILURE = known(10051, "FETCH_PROVISIONING_DETAILS_FAILURE");
    public static final ResultCode BULK_MODIFY_ACCEPTED = known(10070, "BULK_MODIFY_ACCEPTED");
    public static final ResultCode BULK_MODIFY_FAILURE = known(10134, "BULK_MODIFY_FAILURE");
    // queries
    public static final ResultCode FETCH_ENDPOINTS_SUCCESS = known(6742, "FETCH_ENDPOINTS_SUCCESS");
    public static final ResultCode FETCH_ENDPOINTS_FAILURE = known(6745, "FETCH_ENDPOINTS_FAILURE");
    public static final ResultCode GET_ENDPOINT_PROFILE_SUCCESS = known(1082, "GET_ENDPOINT_PROFILE_SUCCESS");
    public static final ResultCode GET_ENDPOINT_PROFILE_FAILURE = known(1083, "GET_ENDPOINT_PROFILE_FAILURE");
    public static final ResultCode FETCH_ICCID_SUCCESS = known(10048, "FETCH_ICCID_SUCCESS");
    public static final ResultCode FETCH_ICCID_FAILURE = known(10049, "FETCH_ICCID_FAILURE");
    // usage, thresholds, add-ons
    public static final ResultCode STATISTICS_SUCCESS = known(2589, "STATISTICS_SUCCESS");
    public static final ResultCode NO_RECORD_EXISTS = known(1340, "NO_RECORD_EXISTS");
    public static final ResultCode UPDATE_THRESHOLD_SUCCESS = known(3005, "UPDATE_THRESHOLD_SUCCESS");
    public static final ResultCode UPDATE_THRESHOLD_FAILURE = known(3006, "UPDATE_THRESHOLD_FAILURE");
    public static final ResultCode NO_COUNTER_EXISTS = known(6721, "NO_COUNTER_EXISTS");
    /** The reference's refusal of a threshold update for an endpoint whose RSP state is Local; simfleet does not answer it. */
    public static final ResultCode THRESHOLD_RSP_LOCAL = known(10252, "THRESHOLD_RSP_LOCAL");
    public static final ResultCode ADDON_SUBSCRIPTION_SUCCESS = known(1171, "ADDON_SUBSCRIPTION_SUCCESS");
    public static final ResultCode ADDON_SUBSCRIPTION_FAILURE = known(1172, "ADDON_SUBSCRIPTION_FAILURE");
    public static final ResultCode ADJUSTED_BALANCE_BELOW_COUNTER = known(10260, "ADJUSTED_BALANCE_BELOW_COUNTER");
    public static final ResultCode ADDON_DETAILS_SUCCESS = known(10255, "ADDON_DETAILS_SUCCESS");
    public static final ResultCode ADDON_NOT_AVAILABLE = known(10257, "ADDON_NOT_AVAILABLE");
    // supporting calls
    public static final ResultCode FETCH_SIM_SUCCESS = known(10021, "FETCH_SIM_SUCCESS");
    public static final ResultCode CREATE_TAG_SUCCESS = known(10149, "CREATE_TAG_SUCCESS");
    public static final ResultCode FETCH_APN_GROUP_SUCCESS = known(10901, "FETCH_APN_GROUP_SUCCESS");
    public static final ResultCode QUERY_RATE_PLAN_SUCCESS = known(10902, "QUERY_RATE_PLAN_SUCCESS");
    public static final ResultCode GET_SERVICE_PROFILE_SUCCESS = known(10903, "GET_SERVICE_PROFILE_SUCCESS");
    public static final ResultCode GET_ROAMING_PROFILES_SUCCESS = known(10904, "GET_ROAMING_PROFILES_SUCCESS");
    public static final ResultCode GET_SIM_PRODUCT_SUCCESS = known(10905, "GET_SIM_PRODUCT_SUCCESS");
    public static final ResultCode GET_TAGS_SUCCESS = known(10906, "GET_TAGS_SUCCESS");
    public static final ResultCode GET_CUSTOMER_PROFILE_SUCCESS = known(10907, "GET_CUSTOMER_PROFILE_SUCCESS");
    public static final ResultCode REFRESH_TOKEN_SUCCESS = known(10908, "REFRESH_TOKEN_SUCCESS");
    public static final ResultCode GET_JOB_STATUS_SUCCESS = known(10909, "GET_JOB_STATUS_SUCCESS");
    public static final ResultCode PING_SUCCESS = known(10910, "PING_SUCCESS");

    private final int value;
    private final String name;

    private ResultCode(int value, String name) {
        this.value = value;
        this.name = name;
    }

    private static ResultCode known(int value, String name) {
        ResultCode c = new ResultCode(value, name);
        KNOWN.put(value, c);
        return c;
    }

    /** The constant for a known code, else a new value named {@code UNKNOWN}. */
    public static ResultCode of(int value) {
        ResultCode c = KNOWN.get(value);
        return c != null ? c : new ResultCode(value, "UNKNOWN");
    }

    /** Parses the wire's string ("6411"); a missing or non-numeric value is code 0, {@code UNKNOWN}. */
    public static ResultCode parse(String value) {
        if (value == null) return of(0);
        try {
            return of(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return of(0);
        }
    }

    public int value() {
        return value;
    }

    /** The constant's name, e.g. {@code CREATE_ENDPOINT_SUCCESS}; {@code UNKNOWN} for a code this SDK does not know. */
    public String name() {
        return name;
    }

    public boolean isKnown() {
        return KNOWN.get(value) == this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResultCode && ((ResultCode) o).value == value;
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(value);
    }

    /** "6411" — the code as the wire writes it. */
    @Override
    public String toString() {
        return Integer.toString(value);
    }
}
