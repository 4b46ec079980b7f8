package io.simfleet.network;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
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
    @ConditionalOnMissingBean(NetworkCommandPort.class)
    NetworkCommandPort networkCommandsDropped() {
        return command -> log.debug("No network attached; not sent: {}", command);
    }
}
