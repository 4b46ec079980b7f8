package io.simfleet.cli;

import io.simfleet.client.SftException;
import io.simfleet.client.SimfleetClient;
import io.simfleet.client.model.ApnGroup;
import io.simfleet.client.model.Plan;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * The APN group, plan and roaming profile(s) a create uses when the command line names none: the
 * account's first APN group, its first base (NORMAL) plan of the account's subscriber type, and
 * that plan's roaming profiles. What was chosen is said on standard error.
 */
record CatalogDefaults(String apnGroupId, String planId, List<String> roamingProfileIds) {

    static CatalogDefaults resolve(SimfleetClient c, String apnGroupId, String planId, List<String> roaming, PrintStream err) {
        boolean chose = false;
        String apn = apnGroupId;
        if (apn == null) {
            List<ApnGroup> groups = c.fetchApnGroup();
            if (groups.isEmpty()) throw new CliException(ExitCodes.USAGE, "the account has no APN group: give --apn-group");
            apn = groups.get(0).apnGroupId();
            chose = true;
        }
        String plan = planId;
        List<String> roamingIds = roaming == null || roaming.isEmpty() ? null : roaming;
        if (plan == null || roamingIds == null) {
            List<Plan> plans = c.getPlans();
            if (plan == null) {
                String type = subscriberType(c);
                Optional<Plan> base = plans.stream().filter(p -> "NORMAL".equals(p.planCategory()) && (type == null || type.equals(p.planType())))
                        .findFirst();
                if (base.isEmpty()) base = plans.stream().filter(p -> "NORMAL".equals(p.planCategory())).findFirst();
                plan = base.map(Plan::planId).orElseThrow(() -> new CliException(ExitCodes.USAGE, "the account has no base plan: give --plan"));
                chose = true;
            }
            if (roamingIds == null) {
                String p = plan;
                roamingIds = plans.stream().filter(x -> x.planId().equals(p)).findFirst().map(Plan::roamingProfileIds)
                        .filter(l -> !l.isEmpty())
                        .orElseThrow(() -> new CliException(ExitCodes.USAGE, "no roaming profile known for plan " + p + ": give --roaming-profile"));
                chose = true;
            }
        }
        if (chose) err.println("using APN group " + apn + ", plan " + plan + ", roaming profile " + String.join("|", roamingIds));
        return new CatalogDefaults(apn, plan, roamingIds);
    }

    private static String subscriberType(SimfleetClient c) {
        try {
            return c.getCustomerProfile().subscriberType();
        } catch (SftException e) {
            return null;
        }
    }
}
