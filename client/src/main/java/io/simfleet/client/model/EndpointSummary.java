package io.simfleet.client.model;

import java.util.List;

/** A row of {@code GetEndpoints}: {@code status} is the state's code (PA, A, S, H, AT, AI; see {@link EndpointStatus}), {@code type} the subscriber type (0 prepaid, 1 postpaid), {@code msisdn} empty without a SIM. The private-network fields (simfleet's addition): the numbered provisioning and network states, and {@code endpointGroupId}/{@code staticIP} when it is in an endpoint group. */
public record EndpointSummary(
        String status,
        String id,
        String name,
        String iccid,
        String imei,
        String msisdn,
        String imsi,
        String type,
        String eid,
        String imeiLockStatus,
        List<Tag> tagIdList,
        String provisioningStateId,
        String provisioningState,
        String networkStateId,
        String networkState,
        String endpointGroupId,
        String staticIP) {

    /** {@code status} as a typed value. */
    public EndpointStatus endpointStatus() {
        return EndpointStatus.of(status);
    }
}
