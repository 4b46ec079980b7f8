package io.simfleet.portal;

import io.simfleet.common.Actor;
import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in portal user: the very {@link Actor} the API's bearer tokens carry (its principal),
 * with the acting account's type as role ({@code ROLE_ENTERPRISE}, {@code ROLE_RESELLER},
 * {@code ROLE_OPERATOR}). Controllers take an {@code Actor} parameter, resolved from this
 * principal as for the API, so services scope every read and write to the same account.
 */
final class PortalAuthentication extends AbstractAuthenticationToken {
    private final Actor actor;

    PortalAuthentication(Actor actor) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + actor.accountType().name())));
        this.actor = actor;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public Actor getPrincipal() {
        return actor;
    }

    @Override
    public String getName() {
        return actor.username();
    }
}
