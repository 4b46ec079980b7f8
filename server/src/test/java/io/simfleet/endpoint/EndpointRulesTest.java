package io.simfleet.endpoint;

import static io.simfleet.testkit.Refusals.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.simfleet.catalog.CatalogModel.Plan;
import io.simfleet.catalog.CatalogModel.PlanCategory;
import io.simfleet.common.ResultCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Create's and Modify's parameter rules that need no catalog: names, IMEIs, the add-on rules
 * (given the plans), the tag cap and the roaming profiles' own shape. The rules that look ids up
 * in the account's catalog (plan, APN group, tags, value-added features, dynamic benefits:
 * 1001, 10200, 10201) are reached only through {@code CatalogService} and stay with
 * CreateEndpointTest and ModifyEndpointTest over HTTP.
 */
class EndpointRulesTest {
    /** No catalog: every rule tested here must decide before asking it (a call would fail with an NPE). */
    private final EndpointRules rules = new EndpointRules(null);

    static Plan plan(String id, PlanCategory category, int planType, boolean active, List<Long> roaming) {
        return new Plan(1, id, id, "", category, planType, 30, "9|2", "SMS|DATA", BigDecimal.ONE, null, null, active,
                roaming, "SP_1", List.of(), List.of());
    }

    private static final Plan BASE = plan("DEFAULTPOST1", PlanCategory.NORMAL, 1, true, List.of(10L, 11L));

    @Test
    void createNamesArePrintableNames() {
        for (String ok : List.of("abcde", "Tracker 01", "site:A_1", "fleet-1a2b3c4d", "Device #12", "x", "Gerät Nr. 7",
                "設備 12", "a".repeat(64), "tracker.01 (spare)")) {
            EndpointRules.name(ok, "name");
        }
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "name", () -> EndpointRules.name(null, "name"));
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "name", () -> EndpointRules.name("  ", "name"));
        for (String bad : List.of("a".repeat(65), "tracker\t01", "line\nbreak", "evil\u202Eexe.gpj", "zero\u200Bwidth", "priv\uE000")) {
            refused(ResultCode.WRONG_INPUT_PARAMETER, "name", () -> EndpointRules.name(bad, "name"));
        }
    }

    @Test
    void modifyNamesFollowTheReference() {
        for (String ok : List.of("abcde", "Tracker 01", "site:A_1", "a".repeat(30))) EndpointRules.modifyName(ok, "endPointName");
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "endPointName", () -> EndpointRules.modifyName("  ", "endPointName"));
        for (String bad : List.of("abcd", "a".repeat(31), "tracker-01", "trackér01", "tracker\t01", "tracker.01")) {
            refused(ResultCode.WRONG_INPUT_PARAMETER, "endPointName", () -> EndpointRules.modifyName(bad, "endPointName"));
        }
    }

    @Test
    void aModifyMayResendTheNameTheEndpointHas() {
        java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
        Endpoint e = new Endpoint(1, 51368592, "fleet-1a2b3c4d", EndpointStatus.ACTIVE, 1, "P1", "PDP_1", List.of(10L), null, null,
                false, null, t, t, t, t, 0, List.of(), null);
        assertEquals(e, e.renamed("fleet-1a2b3c4d"), "its own name, though Modify's rule would refuse it");
        assertEquals("Tracker 02", e.renamed("Tracker 02").name());
        refused(ResultCode.WRONG_INPUT_PARAMETER, "endPointName", () -> e.renamed("fleet-2"));
    }

    @Test
    void imeis() {
        for (String ok : new String[] {null, "", "12345678901234", "1234567890123456"}) EndpointRules.imei(ok);
        for (String bad : List.of("1234567890123", "12345678901234567", "1234567890123x", "١٢٣٤٥٦٧٨٩٠١٢٣٤")) {
            refused(ResultCode.WRONG_INPUT_PARAMETER, "imei", () -> EndpointRules.imei(bad));
        }
    }

    @Test
    void maximumTags10120() {
        List<Long> ten = new ArrayList<>();
        for (long i = 1; i <= 10; i++) ten.add(i);
        refused(ResultCode.MAXIMUM_TAGS_REACHED, null, () -> rules.tags(1, ten, 1, "tagIds"));
        refused(ResultCode.MAXIMUM_TAGS_REACHED, null, () -> rules.tags(1, List.of(1L), 10, "tagIds"));
        assertEquals(List.of(), rules.tags(1, List.of(), 10, "tagIds"), "nothing to add on a full endpoint is fine");
    }

    @Test
    void roamingProfilesOfThePlanDistinctAndGiven() {
        refused(ResultCode.MANDATORY_PARAMETER_MISSING, "roamingProfileId", () -> rules.roamingProfiles(1, BASE, List.of(), "roamingProfileId"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "roamingProfileId", () -> rules.roamingProfiles(1, BASE, List.of(10L, 10L), "roamingProfileId"));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "roamingProfileId", () -> rules.roamingProfiles(1, BASE, List.of(12L), "roamingProfileId"));
    }

    /** The add-on rules in the order they are checked: count, duplicates, plan, billing type, roaming profile. */
    @Test
    void addons() {
        Plan addon = plan("A1", PlanCategory.ADDON, 1, true, List.of(11L));
        Plan prepaid = plan("A2", PlanCategory.ADDON, 0, true, List.of(11L));
        Plan elsewhere = plan("A3", PlanCategory.ADDON, 1, true, List.of(99L));
        Plan inactive = plan("A4", PlanCategory.ADDON, 1, false, List.of(11L));
        Map<String, Plan> plans = new HashMap<>(Map.of("DEFAULTPOST1", BASE, "A1", addon, "A2", prepaid, "A3", elsewhere, "A4", inactive));
        Function<List<String>, List<Plan>> add = ids -> rules.addons(ids, 0, BASE, plans, List.of(10L, 11L), "addonPlanIds");

        assertEquals(List.of(), add.apply(List.of()));
        assertEquals(List.of(addon), add.apply(List.of("A1")));
        refused(ResultCode.DUPLICATE_ADDON_PLANS, null, () -> add.apply(List.of("A1", "A1")));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "addonPlanIds", () -> add.apply(List.of("nope")));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "addonPlanIds", () -> add.apply(List.of("DEFAULTPOST1")));
        refused(ResultCode.WRONG_INPUT_PARAMETER, "addonPlanIds", () -> add.apply(List.of("A4")));
        refused(ResultCode.ADDON_BILLING_TYPE_MISMATCH, "addon A2", () -> add.apply(List.of("A1", "A2")));
        refused(ResultCode.ADDON_ROAMING_PROFILE_MISMATCH, "addon A3", () -> add.apply(List.of("A3")));
        refused(ResultCode.ADDON_ROAMING_PROFILE_MISMATCH, "addon A1",
                () -> rules.addons(List.of("A1"), 0, BASE, plans, List.of(10L), "addonPlanIds"));
    }

    @Test
    void atMost15AddonsInAll10073() {
        List<String> sixteen = new ArrayList<>(Collections.nCopies(16, "A1"));
        refused(ResultCode.MAXIMUM_COUNT_EXCEEDED, "addonPlanIds", () -> rules.addons(sixteen, 0, BASE, Map.of(), List.of(), "addonPlanIds"));
        refused(ResultCode.MAXIMUM_COUNT_EXCEEDED, "addAddonPlanIds", () -> rules.addons(List.of("A1"), 15, BASE, Map.of(), List.of(), "addAddonPlanIds"));
        assertThat(rules.addons(List.of("A1"), 14, BASE, Map.of("A1", plan("A1", PlanCategory.ADDON, 1, true, List.of(10L))),
                List.of(10L), "addAddonPlanIds")).hasSize(1);
    }
}
