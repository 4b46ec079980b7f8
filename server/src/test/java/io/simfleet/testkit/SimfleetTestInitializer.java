package io.simfleet.testkit;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test context at its own fresh schema, with a fixed JWT secret and the demo data. */
public class SimfleetTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    public static final String JWT_SECRET = "test-secret-test-secret-test-secret-test-secret-test-secret-test-secret-0123456789";

    @Override
    public void initialize(ConfigurableApplicationContext ctx) {
        ctx.getEnvironment().getPropertySources().addFirst(new MapPropertySource("simfleet-test", Map.of(
                "simfleet.db.url", TestDatabase.newSchemaUrl(),
                "simfleet.db.user", TestDatabase.user(),
                "simfleet.db.password", TestDatabase.password(),
                "simfleet.jwt-secret", JWT_SECRET,
                "simfleet.demo-data", "true",
                "simfleet.db.pool-size", "10",
                "simfleet.delink-poll-interval", "200ms",
                "simfleet.simulator.traffic", "false",
                "simfleet.network.hss-timeout", "1s")));
    }
}
