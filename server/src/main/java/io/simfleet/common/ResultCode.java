package io.simfleet.common;

/**
 * Every business outcome the platform can answer, numbered as in the SFT reference.
 *
 * <p>This lives in {@code common} rather than {@code sftapi} because the domain raises these
 * outcomes ({@link DomainException}); what stays in {@code sftapi} is how they are written on
 * the wire (envelope, resultParam, HTTP status). A description template's {@code %s} receives
 * the exception's detail (a field name, a reason).
 */
public enum ResultCode {
    // Generic
    MANDATORY_PARAMETER_MISSING(1000, "Mandatory parameter missing - %s"),
    WRONG_INPUT_PARAMETER(1001, "Wrong input parameter - %s"),
    NO_DATA_AVAILABLE(1359, "No data available"),
    INSUFFICIENT_PRIVILEGE(10002, "Insufficient privilege"),
    UNAUTHORIZED(401, "Unauthorized - %s"),
    // our choice, as 401: the reference shows no code for a refused request rate (HTTP 429)
    RATE_LIMIT_EXCEEDED(429, "Request rate limit exceeded - %s"),
    INTERNAL_FAILURE(10160, "Internal failure"),

    // Authentication
    BAD_CREDENTIALS(10126, "Invalid username or password"),
    WRONG_TARGET_ACCOUNT(10117, "Invalid target account id"),
    USER_BLOCKED(11044, "User is blocked due to repeated failed login attempts, try again later"),

    // Endpoint create / link / activate
    SIM_PROVISIONING_SUCCESS(5014, "SIM provisioning success"),
    SIM_PROVISIONING_FAILURE(5015, "SIM provisioning failure"),
    SIM_ALREADY_PROVISIONED(5016, "SIM already provisioned"),
    LINK_SIM_SUCCESS(6409, "Link SIM success"),
    LINK_SIM_FAILURE(6410, "Link SIM failure"),
    CREATE_ENDPOINT_SUCCESS(6411, "Create endpoint success"),
    CREATE_ENDPOINT_FAILURE(6412, "Create endpoint failure"),
    DUPLICATE_IMSI(2026, "Duplicate IMSI"),
    MSISDN_NOT_EXIST(6722, "MSISDN not exist"),
    LOW_BALANCE(7022, "Customer is in low balance provisioning not allowed"),
    ADDON_BILLING_TYPE_MISMATCH(10023, "Addon planID does not belong to the billing type"),
    MAXIMUM_COUNT_EXCEEDED(10073, "Maximum count exceeds for input parameter - %s"),
    MAXIMUM_BENEFIT_LIMIT(10077, "Maximum Benefit limit Reachecd"),
    ADDON_ROAMING_PROFILE_MISMATCH(10080, "Addon PlanID does not belong to the roaming profile"),
    SERVICE_NOT_AVAILABLE_FOR_PLAN(10093, "Service not available for the subscribing plan"),
    MAXIMUM_TAGS_REACHED(10120, "Maximum number of tag is reached"),
    ICCID_NOT_AVAILABLE(10140, "ICCID not available"),
    DYNAMIC_BENEFIT_COVERAGE_MISMATCH(10200, "Coverage of the selected dynamicbenefit does not match with this endpoint's roamingprofile meaning the endpoint would not be able to use any of the benefits provided. Please select a dynamic benefit with matching coverage"),
    DYNAMIC_BENEFIT_REQUIRED(10201, "The option Dynamic Benefit only is enabled at parent level. Please subscribe the endpoint to a pooled or non-pooled dynamic benefit."),
    DUPLICATE_ADDON_PLANS(10221, "Duplicate addon plans are not allowed"),
    OPERATION_FAILED_VERIFY(10239, "Operation has failure. Request has been received and it has failed. Please verify the request has been completed successfully or not."),
    OPERATION_TIMED_OUT_VERIFY(10240, "Operation has Time out. Request has been received and it has timeout. Please verify the request has been completed successfully or not."),

    // Modify
    MODIFY_ENDPOINT_SUCCESS(10068, "Modify endpoint success"),
    MODIFY_ENDPOINT_FAILURE(10069, "Modify endpoint failure"),
    SUBSCRIBER_NOT_ACTIVE(2503, "Subscriber not in active state"),
    DYNAMIC_BENEFIT_REMOVAL_NOT_ALLOWED(10145, "The option Dynamic Benefit only is enabled at parent level.So removing dynamic benefit is not possible"),
    SAME_DYNAMIC_BENEFIT(10147, "Request fails since same dynamic benefit is already assigned"),
    SERVICE_ALREADY_BARRED(10230, "Service already barred - %s"),
    SERVICE_ALREADY_UNBARRED(10231, "Service already unbarred - %s"),
    SERVICE_NOT_PRESENT(10232, "Service is not present for endpoint - %s"),
    UNBAR_RAT_DATA_BARRED(10233, "Unbarring RAT is not possible when DATA Service is already barred"),

    // Delete
    DELETE_NOT_ALLOWED(10158, "Delete Endpoint is not allowed. Please De-Link SIM first."),
    DELETE_SUCCESS(10159, "Endpoint successfully deleted."),

    // Link / de-link / activation
    SIM_ALREADY_ACTIVE(2507, "SIM already in active state"),
    SIM_ALREADY_SUSPENDED(10108, "SIM already in suspend state"),
    SIM_ALREADY_PRE_ACTIVE(10109, "SIM already in preActive state"),
    DELINK_SUCCESS(6413, "SIM delink success"),
    DELINK_FAILURE(6414, "SIM delink failure"),
    SIM_NOT_ATTACHED(6420, "SIM not attached"),
    DELINK_QUEUED(7021, "Successful!! request has sent for processing!!"),

    // Lifecycle change
    LIFECYCLE_SUCCESS(5017, "Lifecycle change success"),
    LIFECYCLE_FAILURE(5018, "Endpoint/Subscriber lifecycle change failed"),
    SAME_LIFECYCLE(1254, "You are currently in same lifecycle"),
    PRE_ACTIVE_OR_HOLD(8104, "Endpoint in preactive/hold state"),
    INVALID_LIFECYCLE(1008, "Invalid life cycle"),
    ENDPOINT_DEACTIVATED(1009, "Life cycle change not allowed due to endpoint/subscriber is in deactivate state"),
    PARENT_NOT_ACTIVE(1242, "Life cycle change not allowed because parent is not in active state"),

    // Roaming profile and plan change
    ROAMING_PROFILE_SUCCESS(1372, "Update roaming profile success"),
    ROAMING_PROFILE_FAILURE(1373, "Update roaming profile failed"),
    PLAN_TYPE_MISMATCH(7000, "PlanType not matching"),
    PLAN_CHANGE_SUCCESS(7001, "Plan change success"),
    PLAN_CHANGE_FAILURE(7002, "Plan change failure"),
    PLAN_ALREADY_EXISTS(5020, "Plan already exists"),
    OEM_PLAN_CHANGE_NOT_ALLOWED(10173, "Baseplan Plan Change is not allowed for OEM Enabled"),

    // Bulk jobs
    BULK_PROVISIONING_ACCEPTED(10054, "Success!! request has sent for processing"),
    BULK_ICCID_LIST_DUPLICATES(10146, "Failure!! duplicate iccidList exist in the request"),
    BULK_RANGE_OR_LIST(10148, "Failure!! Either use iccidList or range"),
    FETCH_PROVISIONING_DETAILS_SUCCESS(10050, "Fetch SIM provisioning details success"),
    FETCH_PROVISIONING_DETAILS_FAILURE(10051, "Fetch SIM provisioning details failure"),
    BULK_MODIFY_ACCEPTED(10070, "Success!! request has sent for processing"),
    BULK_MODIFY_FAILURE(10134, "Modify endpoint(s) failure - %s"),

    // Endpoint queries
    // Network diagnosis: fetchNetworkStatus, locationInfo, endpointCoverage, endPointBlacklisting
    NETWORK_STATUS_SUCCESS(11008, "Network Status info - success"),
    NETWORK_STATUS_FAILURE(11009, "Network Status info - failure"),
    NO_RECENT_NETWORK_INFO(11010, "There is no recent network info for this endpoint"),
    MULTIPLE_QUERY_PARAMETERS(10097, "Multiple query parameters are not allowed"),
    LOCATION_SUCCESS(10084, "Location info - success"),
    LOCATION_FAILURE(10085, "Location info - failure"),
    HSS_CONNECTION_FAILED(10087, "HSS connection failed"),
    HSS_TIMEOUT(10088, "Failure!! request to HSS timed out"),
    ENDPOINT_DETACHED(10089, "Endpoint is detached"),
    NO_GEOLOCATION(10094, "No geolocation information was provided by visited network"),
    COVERAGE_SUCCESS(10132, "Get endpoint coverage success"),
    COVERAGE_FAILURE(10133, "Get endpoint coverage failure"),
    BLACKLIST_SUCCESS(10135, "Endpoint blacklist modification success"),
    BLACKLIST_FAILURE(10136, "Endpoint blacklist modification failure"),
    // Usage: GetStatistics, UpdateThreshold, SubscribeAddon, GetEndpointAddonDetails
    STATISTICS_SUCCESS(2589, "Get endpoint statistics success"),
    NO_RECORD_EXISTS(1340, "No record exists"),
    UPDATE_THRESHOLD_SUCCESS(3005, "Update endpoint/customer success"),
    UPDATE_THRESHOLD_FAILURE(3006, "Update endpoint/customer failure"),
    NO_COUNTER_EXISTS(6721, "No counter exists"),
    ADDON_SUBSCRIPTION_SUCCESS(1171, "Addon subscription success"),
    ADDON_SUBSCRIPTION_FAILURE(1172, "Addon subscription failure"),
    ADJUSTED_BALANCE_BELOW_COUNTER(10260, "Failed..! Adjusted balance is lesser than the Counter value"),
    ADDON_DETAILS_SUCCESS(10255, "Get Endpoint Addon Details success"),
    ADDON_NOT_AVAILABLE(10257, "Addon Not available"),
    FETCH_ENDPOINTS_SUCCESS(6742, "Fetch endpoints success"),
    FETCH_ENDPOINTS_FAILURE(6745, "Fetch endpoints failure"),
    GET_ENDPOINT_PROFILE_SUCCESS(1082, "Get endpoint profile success"),
    GET_ENDPOINT_PROFILE_FAILURE(1083, "Get endpoint profile failure"),
    FETCH_ICCID_SUCCESS(10048, "Fetch ICCID for provisioning success"),
    FETCH_ICCID_FAILURE(10049, "Fetch ICCID for provisioning failure"),

    // Supporting calls (support-apis.md; codes marked "our choice" there are documented in docs/api-compatibility.md)
    FETCH_SIM_SUCCESS(10021, "Fetch SIM success"),
    CREATE_TAG_SUCCESS(10149, "Tag created successfully"),
    FETCH_APN_GROUP_SUCCESS(10901, "Fetch APN group success"),
    QUERY_RATE_PLAN_SUCCESS(10902, "Query rate plan success"),
    GET_SERVICE_PROFILE_SUCCESS(10903, "Get service profile success"),
    GET_ROAMING_PROFILES_SUCCESS(10904, "Get roaming profiles success"),
    GET_SIM_PRODUCT_SUCCESS(10905, "Get SIM product success"),
    GET_TAGS_SUCCESS(10906, "Get tags success"),
    GET_CUSTOMER_PROFILE_SUCCESS(10907, "Get customer profile success"),
    REFRESH_TOKEN_SUCCESS(10908, "Refresh token success"),
    GET_JOB_STATUS_SUCCESS(10909, "Get job status success"),
    PING_SUCCESS(10910, "Token valid"),

    // The private network: VSlices, endpoint groups, static addresses, claiming a SIM by its
    // activation code (our additions, all "our choice": docs/api-compatibility.md, docs/network.md)
    GET_VSLICES_SUCCESS(10950, "Get VSlices success"),
    CREATE_ENDPOINT_GROUP_SUCCESS(10951, "Endpoint group created"),
    GET_ENDPOINT_GROUPS_SUCCESS(10952, "Get endpoint groups success"),
    RENAME_ENDPOINT_GROUP_SUCCESS(10953, "Endpoint group renamed"),
    DELETE_ENDPOINT_GROUP_SUCCESS(10954, "Endpoint group deleted"),
    ENDPOINT_GROUP_ASSIGN_SUCCESS(10955, "Endpoint assigned to endpoint group"),
    ENDPOINT_GROUP_UNASSIGN_SUCCESS(10956, "Endpoint removed from its endpoint group"),
    BULK_GROUP_ASSIGN_ACCEPTED(10957, "Success!! request has sent for processing"),
    ENDPOINT_GROUP_ASSIGN_FAILURE(10958, "Endpoint group assignment failure"),
    ENDPOINT_GROUP_NOT_EMPTY(10959, "Endpoint group is not empty - %s"),
    VSLICE_EXHAUSTED(10960, "No free IP address in VSlice - %s"),
    IP_ADDRESS_IN_USE(10961, "IP address already in use - %s"),
    NOT_IN_ENDPOINT_GROUP(10962, "Endpoint is not in an endpoint group"),
    VSLICE_NOT_EMPTY(10963, "VSlice has endpoint groups - %s"),
    CLAIM_SIM_FAILURE(10964, "Invalid ICCID or activation code"),
    CLAIM_SIM_BLOCKED(10965, "ICCID blocked after repeated wrong activation codes, try again later"),
    SIM_SWAP_SUCCESS(10966, "SIM swap success"),
    SIM_SWAP_FAILURE(10967, "SIM swap failure");

    private final int code;
    private final String template;

    ResultCode(int code, String template) {
        this.code = code;
        this.template = template;
    }

    public int code() {
        return code;
    }

    public String template() {
        return template;
    }

    /** The description with the template's placeholder filled; extra detail is appended after " - ". */
    public String describe(String detail) {
        if (template.contains("%s")) {
            return String.format(template, detail == null ? "" : detail);
        }
        return detail == null || detail.isEmpty() ? template : template + " - " + detail;
    }
}
