package io.simfleet.network;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The gateway used when no network is attached: no SIM is ever in a data session. */
@Configuration(proxyBeanMethods = false)
public class NetworkConfig {
    @Bean
    @ConditionalOnMissingBean(NetworkGateway.class)
    NetworkGateway noNetwork() {
        return imsi -> false;
    }
}
