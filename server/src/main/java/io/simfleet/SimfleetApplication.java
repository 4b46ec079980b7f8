package io.simfleet;

import io.simfleet.config.StopSignal;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

// Users and passwords are simfleet's own (auth.AuthService); Spring Security's default
// in-memory user with a generated password must not exist.
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class SimfleetApplication {
    public static void main(String[] args) {
        StopSignal.installIfAsked();
        SpringApplication.run(SimfleetApplication.class, args);
    }
}
