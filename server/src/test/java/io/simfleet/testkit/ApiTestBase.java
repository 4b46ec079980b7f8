package io.simfleet.testkit;

import org.junit.jupiter.api.Tag;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/**
 * Base of the HTTP tests: {@link #anon()} and {@link #as(String)} for the demo users (password = user name).
 * Tagged {@code http}: {@code ./mvnw -pl server test -Dgroups=http} runs this layer alone (docs/testing.md).
 */
@IntegrationTest
@Tag("http")
public abstract class ApiTestBase {
    @Autowired
    protected Environment env;

    @Autowired
    protected MutableClock clock;

    protected Api anon() {
        return new Api(Integer.parseInt(env.getRequiredProperty("local.server.port")));
    }

    protected Api as(String user) {
        return anon().login(user, user);
    }
}
