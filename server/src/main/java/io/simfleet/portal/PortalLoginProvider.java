package io.simfleet.portal;

import io.simfleet.auth.AuthService;
import io.simfleet.common.DomainException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The portal's form login: {@link AuthService#signIn}, the check behind {@code /api/login}, so the
 * same users, rate limits, blocking after failed attempts and disabled accounts apply. A refusal
 * carries the API's description ("User is blocked …"), which the login page shows.
 */
final class PortalLoginProvider implements AuthenticationProvider {
    private final AuthService auth;

    PortalLoginProvider(AuthService auth) {
        this.auth = auth;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName().trim();
        String password = authentication.getCredentials() == null ? "" : authentication.getCredentials().toString();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails d ? d.getRemoteAddress() : null;
        if (username.isEmpty() || password.isEmpty()) throw new Refused("Enter your username and password.");
        try {
            return new PortalAuthentication(auth.signIn(username, password, null, address));
        } catch (DomainException e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public boolean supports(Class<?> type) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
    }

    /** A refused login, with the text the login page shows. */
    static final class Refused extends AuthenticationException {
        Refused(String message) {
            super(message);
        }
    }
}
