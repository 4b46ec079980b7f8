package io.simfleet.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.simfleet.common.ResultCode;
import io.simfleet.endpoint.BulkCreate;
import io.simfleet.endpoint.EndpointRef;
import io.simfleet.endpoint.ModifyEndpoint;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

/** Payloads as stored: the v1 JSON of queued bulk jobs, upgrades, tolerance, the registry's rules. No Spring. */
class JobPayloadsTest {

    /** Exactly what the server before V11 stored in job.command for a bulk create (BulkCreate serialised as is). */
    static final String BULK_CREATE_V1 = """
            {"name":"travel","firstNameId":1,"iccids":["8932042000100000000","8932042000100000001"],"apnGroupId":"PDP_1112",\
            "planId":"PLAN1","roamingProfileIds":[7,8],"dynamicBenefitId":3,"creditLimit":12.50,"imeiLock":true,\
            "addonPlanIds":["A1"],"valueAddedFeatureIds":["V1"],"tagIds":[5],"activate":false}""";

    /** And for a bulk modify (BulkModify serialised as is, with the "empty" its isEmpty() added). */
    static final String BULK_MODIFY_V1 = """
            {"resourceType":"ICCID","modify":{"imeiLock":true,"imei":"","addAddonPlanIds":["A1"],"removeAddonUniqueIds":[9],\
            "removeAddonPlanIds":["A2"],"addValueAddedFeatureIds":["V1"],"removeValueAddedFeatureIds":["V2"],\
            "addDynamicBenefitIds":[11],"removeDynamicBenefitIds":[12],"addTagIds":[13],"removeTagIds":[14],"name":"New name",\
            "bars":{"DATA":true,"SMS_MO":false},"apnGroupId":"PDP_2","planId":null,"empty":false}}""";

    static final BulkCreateHandler CREATE = new BulkCreateHandler(null);
    static final BulkModifyHandler MODIFY = new BulkModifyHandler(null);

    static BulkCreate sampleCreate() {
        return new BulkCreate("travel", 1, List.of("8932042000100000000", "8932042000100000001"), "PDP_1112", "PLAN1",
                List.of(7L, 8L), 3L, new BigDecimal("12.50"), true, List.of("A1"), List.of("V1"), List.of(5L), false);
    }

    static BulkModify sampleModify() {
        LinkedHashMap<String, Boolean> bars = new LinkedHashMap<>();
        bars.put("DATA", true);
        bars.put("SMS_MO", false);
        return new BulkModify(EndpointRef.Kind.ICCID, new ModifyEndpoint(true, "", List.of("A1"), List.of(9L), List.of("A2"),
                List.of("V1"), List.of("V2"), List.of(11L), List.of(12L), List.of(13L), List.of(14L), "New name", bars, "PDP_2", null));
    }

    @Test
    void aBulkCreateQueuedBeforeTheHandlersIsReadAsItWasMeant() {
        BulkCreate read = JobHandlers.read(CREATE, 1, BULK_CREATE_V1).toCommand();
        assertEquals(sampleCreate(), read);
        assertEquals(new BigDecimal("12.50"), read.creditLimit());
    }

    @Test
    void aBulkModifyQueuedBeforeTheHandlersIsReadAsItWasMeant() {
        BulkModify read = JobHandlers.read(MODIFY, 1, BULK_MODIFY_V1).toCommand();
        assertEquals(sampleModify(), read);
        assertEquals(List.of("DATA", "SMS_MO"), List.copyOf(read.modify().bars().keySet()), "bar order kept");
    }

    @Test
    void whatIsWrittenIsReadBack() {
        CREATE.payloadType().cast(BulkCreateHandler.Payload.of(sampleCreate()));
        JobHandlers registry = new JobHandlers(List.of(CREATE, MODIFY));
        String create = registry.write(CREATE, BulkCreateHandler.Payload.of(sampleCreate()));
        assertEquals(sampleCreate(), JobHandlers.read(CREATE, CREATE.payloadVersion(), create).toCommand());
        String modify = registry.write(MODIFY, BulkModifyHandler.Payload.of(sampleModify()));
        assertEquals(sampleModify(), JobHandlers.read(MODIFY, MODIFY.payloadVersion(), modify).toCommand());
        // the domain command itself is not what the queue stores
        assertThrows(IllegalArgumentException.class, () -> registry.write(CREATE, sampleCreate()));
    }

    @Test
    void unknownPropertiesAreIgnoredAndAbsentListsReadAsEmpty() {
        String json = "{\"resourceType\":\"IMSI\",\"addedLater\":{\"x\":1},\"modify\":{\"name\":\"Only a name\",\"futureField\":true}}";
        BulkModify read = JobHandlers.read(MODIFY, 1, json).toCommand();
        assertEquals(EndpointRef.Kind.IMSI, read.resourceType());
        assertEquals("Only a name", read.modify().name());
        assertTrue(read.modify().addTagIds().isEmpty());
        assertTrue(read.modify().bars().isEmpty());
        assertTrue(!read.modify().isEmpty());
    }

    /** A handler whose payload was renamed in v2 ("count" → "times") and gained a field in v3. */
    record Counted(@JsonProperty("times") int times, @JsonProperty("unit") String unit) {}

    static final class V3Handler implements JobHandler.PerItem<Counted> {
        final String kind;

        V3Handler(String kind) {
            this.kind = kind;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public int payloadVersion() {
            return 3;
        }

        @Override
        public Class<Counted> payloadType() {
            return Counted.class;
        }

        @Override
        public ObjectNode upgrade(int version, ObjectNode p) {
            switch (version) {
                case 1 -> p.set("times", p.remove("count"));
                case 2 -> p.put("unit", "each");
                default -> throw new IllegalStateException("no upgrade from " + version);
            }
            return p;
        }

        @Override
        public void run(JobContext job, Counted payload, String item) {}

        @Override
        public ResultCode success() {
            return ResultCode.MODIFY_ENDPOINT_SUCCESS;
        }
    }

    record Amount(@JsonProperty("amount") BigDecimal amount) {}

    static final class Decimal2 implements JobHandler.WholeJob<Amount> {
        @Override
        public String kind() {
            return "DECIMAL";
        }

        @Override
        public int payloadVersion() {
            return 2;
        }

        @Override
        public Class<Amount> payloadType() {
            return Amount.class;
        }

        @Override
        public ObjectNode upgrade(int version, ObjectNode p) {
            return p;
        }

        @Override
        public String run(JobContext job, Amount payload) {
            return "done";
        }
    }

    @Test
    void olderPayloadsAreUpgradedStepByStep() {
        V3Handler h = new V3Handler("COUNTED");
        assertEquals(new Counted(4, "each"), JobHandlers.read(h, 1, "{\"count\":4}"));
        assertEquals(new Counted(4, "each"), JobHandlers.read(h, 2, "{\"times\":4}"));
        assertEquals(new Counted(4, "kg"), JobHandlers.read(h, 3, "{\"times\":4,\"unit\":\"kg\"}"));
        // an upgrade keeps decimals as stored
        assertEquals(new BigDecimal("12.50"), JobHandlers.read(new Decimal2(), 1, "{\"amount\":12.50}").amount());
        // written by a newer instance, or nonsense: an error (a failed attempt), never a guess
        assertThrows(IllegalStateException.class, () -> JobHandlers.read(h, 4, "{\"times\":4}"));
        assertThrows(IllegalStateException.class, () -> JobHandlers.read(h, 0, "{\"times\":4}"));
        assertThrows(IllegalStateException.class, () -> JobHandlers.read(CREATE, 2, BULK_CREATE_V1));
    }

    @Test
    void theRegistryKnowsEachKindOnce() {
        JobHandlers registry = new JobHandlers(List.of(CREATE, MODIFY, new V3Handler("COUNTED")));
        assertEquals(MODIFY, registry.get("BULK_MODIFY"));
        assertEquals(List.of("BULK_CREATE", "BULK_MODIFY", "COUNTED"), List.of(registry.kinds()));
        assertTrue(registry.find("RENEWAL").isEmpty());
        assertThrows(IllegalArgumentException.class, () -> registry.get("RENEWAL"));
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> new JobHandlers(List.of(new V3Handler("X"), new V3Handler("X"))));
        assertTrue(twice.getMessage().contains("two handlers of job kind X"), twice.getMessage());
        assertThrows(IllegalStateException.class, () -> new JobHandlers(List.of(new V3Handler(" "))));
    }
}
