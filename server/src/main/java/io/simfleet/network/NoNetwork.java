package io.simfleet.network;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The adapter used when no network is plugged in: commands are accepted and only logged (at
 * debug), and no session is ever reported. A deployment with a real network, or the simulator,
 * declares its own {@link NetworkCommandPort} bean.
 */
@Configuration(proxyBeanMethods = false)
public class NoNetwork {
    private static final Logger log = LoggerFactory.getLogger(NoNetwork.class);

    @Bean
    @ConditionalOnProperty(name = "simfleet.simulator.enabled", havingValue = "false")
    NetworkCommandPort networkCommandsDropped() {
        return command -> log.debug("No network attached; not sent: {}", command);
    }

    /** Without a network, there is no HSS to ask: every location question answers 10087. */
    @Bean
    @ConditionalOnProperty(name = "simfleet.simulator.enabled", havingValue = "false")
    NetworkQueryPort noHss() {
        return imsi -> {
            throw new NetworkFault(NetworkFault.Kind.HSS_UNREACHABLE);
        };
    }
}
