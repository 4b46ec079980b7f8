package io.simfleet.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.EndpointModifier;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.ModifyEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Bulk modify, one item per endpoint: each item is single Modify ({@link EndpointModifier#modify})
 * on the endpoint its value names, in the item's own transaction; its result is 10068 or Modify's
 * refusal.
 */
@Component
class BulkModifyHandler implements JobHandler.PerItem<BulkModifyHandler.Payload> {
    static final String KIND = "BULK_MODIFY";

    private final EndpointModifier modifier;

    BulkModifyHandler(EndpointModifier modifier) {
        this.modifier = modifier;
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
        modifier.modify(job.actor(), new EndpointRef(payload.kind(), item), payload.modify().toCommand());
    }

    @Override
    public ResultCode success() {
        return ResultCode.MODIFY_ENDPOINT_SUCCESS;
    }

    /**
     * Payload v1: {@link BulkModify} as it was first stored: {@code resourceType} by its enum
     * constant's name, {@code modify} with the field names of {@link ModifyEndpoint} at the time
     * (and the derived {@code "empty"} the record serialisation added, ignored).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(@JsonProperty("resourceType") String resourceType, @JsonProperty("modify") Modify modify) {

        static Payload of(BulkModify b) {
            String type = switch (b.resourceType()) {
                case ENDPOINT_ID -> "ENDPOINT_ID";
                case IMSI -> "IMSI";
                case MSISDN -> "MSISDN";
                case ICCID -> "ICCID";
            };
            return new Payload(type, Modify.of(b.modify()));
        }

        EndpointRef.Kind kind() {
            return switch (resourceType) {
                case "ENDPOINT_ID" -> EndpointRef.Kind.ENDPOINT_ID;
                case "IMSI" -> EndpointRef.Kind.IMSI;
                case "MSISDN" -> EndpointRef.Kind.MSISDN;
                case "ICCID" -> EndpointRef.Kind.ICCID;
                default -> throw new IllegalStateException("unknown resourceType " + resourceType);
            };
        }

        BulkModify toCommand() {
            return new BulkModify(kind(), modify.toCommand());
        }
    }

    /** The fields of a Modify; null = not given, an absent list reads as empty. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Modify(@JsonProperty("imeiLock") Boolean imeiLock,
                  @JsonProperty("imei") String imei,
                  @JsonProperty("addAddonPlanIds") List<String> addAddonPlanIds,
                  @JsonProperty("removeAddonUniqueIds") List<Long> removeAddonUniqueIds,
                  @JsonProperty("removeAddonPlanIds") List<String> removeAddonPlanIds,
                  @JsonProperty("addValueAddedFeatureIds") List<String> addValueAddedFeatureIds,
                  @JsonProperty("removeValueAddedFeatureIds") List<String> removeValueAddedFeatureIds,
                  @JsonProperty("addDynamicBenefitIds") List<Long> addDynamicBenefitIds,
                  @JsonProperty("removeDynamicBenefitIds") List<Long> removeDynamicBenefitIds,
                  @JsonProperty("addTagIds") List<Long> addTagIds,
                  @JsonProperty("removeTagIds") List<Long> removeTagIds,
                  @JsonProperty("name") String name,
                  @JsonProperty("bars") LinkedHashMap<String, Boolean> bars,
                  @JsonProperty("apnGroupId") String apnGroupId,
                  @JsonProperty("planId") String planId) {

        static Modify of(ModifyEndpoint m) {
            return new Modify(m.imeiLock(), m.imei(), m.addAddonPlanIds(), m.removeAddonUniqueIds(), m.removeAddonPlanIds(),
                    m.addValueAddedFeatureIds(), m.removeValueAddedFeatureIds(), m.addDynamicBenefitIds(),
                    m.removeDynamicBenefitIds(), m.addTagIds(), m.removeTagIds(), m.name(), m.bars(), m.apnGroupId(), m.planId());
        }

        ModifyEndpoint toCommand() {
            return new ModifyEndpoint(imeiLock, imei, orEmpty(addAddonPlanIds), orEmpty(removeAddonUniqueIds),
                    orEmpty(removeAddonPlanIds), orEmpty(addValueAddedFeatureIds), orEmpty(removeValueAddedFeatureIds),
                    orEmpty(addDynamicBenefitIds), orEmpty(removeDynamicBenefitIds), orEmpty(addTagIds), orEmpty(removeTagIds),
                    name, bars == null ? new LinkedHashMap<>() : bars, apnGroupId, planId);
        }

        private static <T> List<T> orEmpty(List<T> list) {
            return list == null ? List.of() : list;
        }
    }
}
