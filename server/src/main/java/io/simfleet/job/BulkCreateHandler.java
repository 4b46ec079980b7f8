package io.simfleet.job;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.simfleet.endpoint.BulkCreate;
import io.simfleet.endpoint.EndpointBulkCreator;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Bulk provisioning, worked whole: every endpoint of the batch in the unit's one transaction
 * ({@link EndpointBulkCreator#createAll}), so the job commits whole with its SUCCESS or not at
 * all; a refusal fails the job with its reason.
 */
@Component
class BulkCreateHandler implements JobHandler.WholeJob<BulkCreateHandler.Payload> {
    static final String KIND = "BULK_CREATE";
    static final String SUCCESS_REASON = "Sim provisioning successful";

    private final EndpointBulkCreator creator;

    BulkCreateHandler(EndpointBulkCreator creator) {
        this.creator = creator;
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
    public String run(JobContext job, Payload payload) {
        creator.createAll(job.actor(), payload.toCommand(), job.jobId());
        return SUCCESS_REASON;
    }

    /**
     * Payload v1: the field names {@link BulkCreate} had when jobs were first stored (its record
     * serialised as is), pinned here so that the domain record can change without the queue
     * noticing. An absent list reads as empty, an absent {@code activate} as true (the request's default).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Payload(@JsonProperty("name") String name,
                   @JsonProperty("firstNameId") long firstNameId,
                   @JsonProperty("iccids") List<String> iccids,
                   @JsonProperty("apnGroupId") String apnGroupId,
                   @JsonProperty("planId") String planId,
                   @JsonProperty("roamingProfileIds") List<Long> roamingProfileIds,
                   @JsonProperty("dynamicBenefitId") Long dynamicBenefitId,
                   @JsonProperty("creditLimit") BigDecimal creditLimit,
                   @JsonProperty("imeiLock") Boolean imeiLock,
                   @JsonProperty("addonPlanIds") List<String> addonPlanIds,
                   @JsonProperty("valueAddedFeatureIds") List<String> valueAddedFeatureIds,
                   @JsonProperty("tagIds") List<Long> tagIds,
                   @JsonProperty("activate") Boolean activate) {

        static Payload of(BulkCreate c) {
            return new Payload(c.name(), c.firstNameId(), c.iccids(), c.apnGroupId(), c.planId(), c.roamingProfileIds(),
                    c.dynamicBenefitId(), c.creditLimit(), c.imeiLock(), c.addonPlanIds(), c.valueAddedFeatureIds(), c.tagIds(),
                    c.activate());
        }

        BulkCreate toCommand() {
            return new BulkCreate(name, firstNameId, orEmpty(iccids), apnGroupId, planId, orEmpty(roamingProfileIds),
                    dynamicBenefitId, creditLimit, imeiLock, orEmpty(addonPlanIds), orEmpty(valueAddedFeatureIds),
                    orEmpty(tagIds), activate == null || activate);
        }
    }

    static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }
}
