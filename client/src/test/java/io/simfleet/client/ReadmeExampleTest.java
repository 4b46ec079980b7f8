package io.simfleet.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.client.model.CreateEndpointRequest;
import io.simfleet.client.model.CreatedEndpoint;
import io.simfleet.client.model.EndpointQuery;
import io.simfleet.client.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's ten-line example, as printed there (only the base URL differs), against the demo data it names. */
class ReadmeExampleTest {

    @Test
    void theReadmeExampleRunsAsWritten() {
        String baseUrl = TestServer.shared().baseUrl();
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(errors, true, StandardCharsets.UTF_8);
        // --- README.md, "Java SDK and CLI" (System.out / System.err captured)
        try (SimfleetClient sft = SimfleetClient.builder(baseUrl)
                .credentials(Credentials.of("customer", "customer")).build()) {   // logs in, refreshes, retries
            CreatedEndpoint ep = sft.createEndpoint(CreateEndpointRequest.builder().name("Meter 1")
                    .apnGroupId("PDP_1108").planId("DEFAULTPOST41078552").roamingProfileId("358")
                    .iccid("8932042000000015191").activate(true).build());
            out.println(ep.endPointId() + " " + ep.outcome());            // 5014 SIM provisioning success
            sft.streamEndpoints(EndpointQuery.all()).forEach(e -> out.println(e.id() + " " + e.status()));
        } catch (RefusedException e) {                                             // resultCode "1"
            err.println(e.resultCode() + " " + e.description());
        }
        // ---
        String text = printed.toString(StandardCharsets.UTF_8);
        assertEquals("", errors.toString(StandardCharsets.UTF_8));
        assertTrue(text.lines().findFirst().orElseThrow().endsWith(" 5014 SIM provisioning success"), text);
        String id = text.lines().findFirst().orElseThrow().split(" ")[0];
        assertTrue(text.contains("\n51368592 "), "the walkthrough's endpoint is listed:\n" + text);
        assertTrue(text.contains("\n" + id + " A"), "and the new one, Active:\n" + text);
    }
}
