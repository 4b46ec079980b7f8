package io.simfleet.sftapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.simfleet.testkit.ApiTestBase;
import io.simfleet.testkit.Resp;
import org.junit.jupiter.api.Test;

/** Health for load balancers: liveness and readiness answer without a token and give no details; no other actuator endpoint is open. */
class HealthTest extends ApiTestBase {

    @Test
    void livenessAndReadinessAreUpWithoutAToken() {
        for (String path : new String[] {"/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness"}) {
            Resp r = anon().get(path);
            assertEquals(200, r.status(), path + " " + r.raw());
            assertEquals("UP", r.json().path("status").asString(), r.raw());
            assertFalse(r.json().has("components"), "no details: " + r.raw());
        }
    }

    @Test
    void nothingElseOfTheActuatorIsOpen() {
        for (String path : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics", "/actuator/info"}) {
            Resp r = anon().get(path);
            assertEquals(true, r.status() == 401 || r.status() == 403 || r.status() == 404, path + " " + r.status() + " " + r.raw());
            Resp operator = as("admin").get(path);
            assertEquals(true, operator.status() == 403 || operator.status() == 404, path + " as the operator: " + operator.status());
        }
    }
}
