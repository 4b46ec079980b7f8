package io.simfleet.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.config.BindAddress.Decision;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.mock.env.MockEnvironment;

/** 127.0.0.1 with the demo data unless SERVER_ADDRESS says otherwise; Spring's default without it. */
class BindAddressTest {

    @Test
    void demoDataWithoutServerAddressBindsToLoopback() {
        Decision d = BindAddress.decide(null, true);
        assertEquals("127.0.0.1", d.address().getHostAddress());
        assertFalse(d.warn());
        assertEquals(d, BindAddress.decide("  ", true), "a blank SERVER_ADDRESS is no address");
    }

    @Test
    void withoutDemoDataSpringsDefaultStays() {
        Decision d = BindAddress.decide(null, false);
        assertNull(d.address(), "every interface");
        assertTrue(d.message().contains("all interfaces"), d.message());
    }

    @Test
    void serverAddressWinsAndAWideOneWithDemoDataIsWarnedAbout() {
        assertNull(BindAddress.decide("0.0.0.0", false).address());
        assertFalse(BindAddress.decide("0.0.0.0", false).warn());
        assertNull(BindAddress.decide("0.0.0.0", true).address(), "Spring applies server.address itself");
        assertTrue(BindAddress.decide("0.0.0.0", true).warn());
        assertFalse(BindAddress.decide("127.0.0.1", true).warn());
        assertFalse(BindAddress.decide("::1", true).warn());
    }

    @Test
    void theCustomizerSetsTheFactoryOnlyWhenNoAddressIsConfigured() throws Exception {
        TomcatServletWebServerFactory demo = new TomcatServletWebServerFactory();
        new BindAddress(new MockEnvironment(), props(true)).customize(demo);
        assertEquals(InetAddress.getByName("127.0.0.1"), demo.getAddress());

        TomcatServletWebServerFactory configured = new TomcatServletWebServerFactory();
        configured.setAddress(InetAddress.getByName("192.0.2.1")); // what Spring's customizer applied
        new BindAddress(new MockEnvironment().withProperty("server.address", "192.0.2.1"), props(true)).customize(configured);
        assertEquals(InetAddress.getByName("192.0.2.1"), configured.getAddress());

        TomcatServletWebServerFactory production = new TomcatServletWebServerFactory();
        new BindAddress(new MockEnvironment(), props(false)).customize(production);
        assertNull(production.getAddress());
    }

    /** Bound as Spring binds it, so that the test does not depend on the record's other components. */
    private static SimfleetProperties props(boolean demoData) {
        MockEnvironment env = new MockEnvironment().withProperty("simfleet.demo-data", Boolean.toString(demoData));
        return Binder.get(env).bindOrCreate("simfleet", SimfleetProperties.class);
    }
}
