package io.simfleet.testkit;

import io.simfleet.network.NetworkEventPort;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Test doubles of the clock and of the mobile network. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfig {
    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock();
    }

    @Bean
    @Primary
    FakeNetwork fakeNetwork(ObjectProvider<NetworkEventPort> platform) {
        return new FakeNetwork(platform);
    }
}
