package io.simfleet.config;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.ConfigurableWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The address the HTTP server listens on. {@code SERVER_ADDRESS} ({@code server.address}) when
 * given; otherwise {@code 127.0.0.1} while the demo data is on, whose passwords are public, and
 * Spring's default (every interface) when it is off.
 */
@Component
class BindAddress implements WebServerFactoryCustomizer<ConfigurableWebServerFactory>, Ordered {
    private static final Logger log = LoggerFactory.getLogger(BindAddress.class);
    static final InetAddress LOOPBACK = loopbackV4();

    /** What to bind: {@code address} null leaves the factory as Spring configured it. */
    record Decision(InetAddress address, boolean warn, String message) {}

    private final Environment env;
    private final SimfleetProperties props;

    BindAddress(Environment env, SimfleetProperties props) {
        this.env = env;
        this.props = props;
    }

    @Override
    public void customize(ConfigurableWebServerFactory factory) {
        Decision d = decide(env.getProperty("server.address"), props.demoDataEnabled());
        if (d.address() != null) {
            factory.setAddress(d.address());
        }
        if (d.warn()) {
            log.warn(d.message());
        } else {
            log.info(d.message());
        }
    }

    static Decision decide(String configured, boolean demoData) {
        if (configured != null && !configured.isBlank()) {
            if (demoData && !loopback(configured)) {
                return new Decision(null, true, "HTTP server binds to " + configured + " (SERVER_ADDRESS) with the demo data on: "
                        + "the demo users and their public passwords are reachable from the network");
            }
            return new Decision(null, false, "HTTP server binds to " + configured + " (SERVER_ADDRESS)");
        }
        if (demoData) {
            return new Decision(LOOPBACK, false, "HTTP server binds to 127.0.0.1 only, because the demo data is on and its passwords are public; "
                    + "set SERVER_ADDRESS (e.g. 0.0.0.0) to listen on other interfaces");
        }
        return new Decision(null, false, "HTTP server binds to all interfaces (no SERVER_ADDRESS, demo data off)");
    }

    private static boolean loopback(String address) {
        try {
            return InetAddress.getByName(address).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false; // Spring will refuse it anyway
        }
    }

    private static InetAddress loopbackV4() {
        try {
            return InetAddress.getByAddress("localhost", new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for an address of the wrong length
        }
    }

    /** After Spring's own customizer, which applies {@code server.address} when it is set. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
