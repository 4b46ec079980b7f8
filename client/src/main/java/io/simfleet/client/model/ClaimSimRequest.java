package io.simfleet.client.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ClaimSim}'s fields (simfleet's addition): the ICCID and the activation code printed on
 * the SIM, mandatory; the rest optional (null: the server's default).
 */
public record ClaimSimRequest(String iccid, String activationCode, String name, String planId, Boolean activate,
                              String endpointGroupId, String ipAddress) {

    public static ClaimSimRequest of(String iccid, String activationCode) {
        return new ClaimSimRequest(iccid, activationCode, null, null, null, null, null);
    }

    /** The same claim, the endpoint put into {@code endpointGroupId} (with {@code ipAddress}, or the next free one when null). */
    public ClaimSimRequest inGroup(String endpointGroupId, String ipAddress) {
        return new ClaimSimRequest(iccid, activationCode, name, planId, activate, endpointGroupId, ipAddress);
    }

    public Map<String, Object> requestParam() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("iccid", iccid);
        m.put("activationCode", activationCode);
        if (name != null) m.put("name", name);
        if (planId != null) m.put("planId", planId);
        if (activate != null) m.put("isDefaultActivation", activate);
        if (endpointGroupId != null) m.put("endpointGroupId", endpointGroupId);
        if (ipAddress != null) m.put("ipAddress", ipAddress);
        return m;
    }
}
