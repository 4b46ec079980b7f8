package io.simfleet.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointGroupOperations;
import io.simfleet.endpoint.EndpointRef;
import org.springframework.stereotype.Component;

/**
 * Bulk endpoint-group assignment (docs/network.md, "Private network"), one item per endpoint: each
 * item is the single assignment ({@link EndpointGroupOperations#assign}, the address chosen
 * automatically) on the endpoint its value names, in the item's own transaction; its result is
 * 10955 or the assignment's refusal (10958 unknown endpoint, 10960 no free address, 1001
 * endpointGroupId for a group deleted since).
 */
@Component
class GroupAssignHandler implements JobHandler.PerItem<GroupAssignHandler.Payload> {
    static final String KIND = "BULK_GROUP_ASSIGN";

    private final EndpointGroupOperations groups;

    GroupAssignHandler(EndpointGroupOperations groups) {
        this.groups = groups;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public int payloadVersion() {
        return 1;
    }

    @Override
    public Class<Payload> payloadType() {
        return Payload.class;
    }

    @Override
    public void run(JobContext job, Payload payload, String item) {
        groups.assign(job.actor(), new EndpointRef(payload.kind(), item), payload.endpointGroupId(), null);
    }

    @Override
    public ResultCode success() {
        return ResultCode.ENDPOINT_GROUP_ASSIGN_SUCCESS;
    }

    /** Payload v1: how the values name endpoints ({@code ENDPOINT_ID}, {@code IMSI}, {@code MSISDN}, {@code ICCID}) and the group. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(@JsonProperty("resourceType") String resourceType, @JsonProperty("endpointGroupId") long endpointGroupId) {

        static Payload of(EndpointRef.Kind kind, long groupId) {
            return new Payload(kind.name(), groupId);
        }

        EndpointRef.Kind kind() {
            return EndpointRef.Kind.valueOf(resourceType);
        }
    }
}
