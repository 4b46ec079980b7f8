package io.simfleet.endpoint;

import java.math.BigDecimal;
import java.util.List;

/**
 * A bulk provisioning request: endpoints {@code <name>_<firstNameId + i>}, one per ICCID, all
 * with the same plan, APN group, roaming profiles, dynamic benefit, credit limit, IMEI lock,
 * add-ons, value-added features and tags.
 */
public record BulkCreate(String name, long firstNameId, List<String> iccids, String apnGroupId, String planId,
                         List<Long> roamingProfileIds, Long dynamicBenefitId, BigDecimal creditLimit, Boolean imeiLock,
                         List<String> addonPlanIds, List<String> valueAddedFeatureIds, List<Long> tagIds, boolean activate) {
    public static final int MAX = 4000;

    public String nameOf(int i) {
        return name + "_" + (firstNameId + i);
    }

    /**
     * Every name of the batch follows Create's name rule ({@link EndpointRules#name}), else 1001
     * naming {@code endPointName}. The suffix grows with {@code i}, so the first name is the
     * shortest and the last the longest: checking those two checks them all.
     */
    public void checkNames() {
        EndpointRules.name(nameOf(0), "endPointName");
        EndpointRules.name(nameOf(iccids.size() - 1), "endPointName");
    }
}
