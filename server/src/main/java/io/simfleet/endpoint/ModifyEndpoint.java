package io.simfleet.endpoint;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * The fields of a Modify Endpoint request; null means "not given". {@code imei} "" clears the
 * IMEI. {@code bars} maps a bar flag name without its {@code bar_} prefix (DATA, SMS_MO, SMS_MT,
 * NB_IOT, 2G, 2G/3G, 4G, 5G, All_Services) to true (bar) or false (unbar), in request order.
 * {@code planId} is the summary variant's plan change.
 */
public record ModifyEndpoint(Boolean imeiLock, String imei, List<String> addAddonPlanIds, List<Long> removeAddonUniqueIds,
                             List<String> removeAddonPlanIds, List<String> addValueAddedFeatureIds,
                             List<String> removeValueAddedFeatureIds, List<Long> addDynamicBenefitIds,
                             List<Long> removeDynamicBenefitIds, List<Long> addTagIds, List<Long> removeTagIds,
                             String name, LinkedHashMap<String, Boolean> bars, String apnGroupId, String planId) {

    public boolean isEmpty() {
        return imeiLock == null && imei == null && addAddonPlanIds.isEmpty() && removeAddonUniqueIds.isEmpty()
                && removeAddonPlanIds.isEmpty() && addValueAddedFeatureIds.isEmpty() && removeValueAddedFeatureIds.isEmpty()
                && addDynamicBenefitIds.isEmpty() && removeDynamicBenefitIds.isEmpty() && addTagIds.isEmpty()
                && removeTagIds.isEmpty() && name == null && bars.isEmpty() && apnGroupId == null && planId == null;
    }
}
