package io.simfleet.testkit;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;

/** Base of the HTTP tests: {@link #anon()} and {@link #as(String)} for the demo users (password = user name). */
@IntegrationTest
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
