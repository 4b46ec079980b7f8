package io.simfleet.testkit;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points a test context at its own fresh schema, with a fixed JWT secret, a metrics scrape token and the demo data. */
public class SimfleetTestInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    /** The Prometheus scrape token of the test servers (SIMFLEET_METRICS_TOKEN). */
    public static final String METRICS_TOKEN = "scrape-token-scrape-token-scrape-token-0123";
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
                "simfleet.network.hss-timeout", "1s",
                "simfleet.metrics.token", METRICS_TOKEN)));
    }
}
