package io.simfleet.network;

import io.simfleet.sim.Sim;
import io.simfleet.sim.SimService;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The platform's side of {@link NetworkEventPort}: keeps what the network reported about each
 * SIM (today: whether a data session is open) in the database, where the calls that depend on it
 * read it under their own locks without asking the network.
 */
@Service
public class NetworkEvents implements NetworkEventPort {
    private final NetworkStateRepository repo;
    private final SimService sims;
    private final ApplicationEventPublisher publisher;

    NetworkEvents(NetworkStateRepository repo, SimService sims, ApplicationEventPublisher publisher) {
        this.repo = repo;
        this.sims = sims;
        this.publisher = publisher;
    }

    @Override
    @Transactional
    public void dataSessionStarted(String imsi, Instant at) {
        sims.byImsi(imsi).ifPresent(sim -> repo.sessionStarted(sim.accountId(), sim.iccid(), at));
    }

    @Override
    @Transactional
    public void dataSessionEnded(String imsi, Instant at) {
        Optional<Sim> sim = sims.byImsi(imsi);
        if (sim.isPresent() && repo.sessionEnded(sim.get().accountId(), sim.get().iccid(), at)) {
            publisher.publishEvent(new DataSessionEnded(sim.get().accountId(), sim.get().iccid()));
        }
    }

    /** Whether the network last reported the SIM in a data session. */
    @Transactional(readOnly = true)
    public boolean inDataSession(long accountId, String iccid) {
        return repo.inSession(accountId, iccid);
    }
}
