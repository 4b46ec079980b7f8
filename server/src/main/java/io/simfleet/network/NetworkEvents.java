package io.simfleet.network;

import io.simfleet.sim.Sim;
import io.simfleet.sim.SimService;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
        sims.byImsi(imsi).ifPresent(sim -> {
            repo.sessionStarted(sim.accountId(), sim.iccid(), at);
            publisher.publishEvent(new NetworkObserved(sim.accountId(), sim.iccid(), "SESSION_STARTED", null, at));
        });
    }

    @Override
    @Transactional
    public void registration(String imsi, NetworkReport report) {
        record(imsi, report);
    }

    @Override
    @Transactional
    public void registrations(List<Map.Entry<String, NetworkReport>> reports) {
        for (Map.Entry<String, NetworkReport> r : reports) record(r.getKey(), r.getValue());
    }

    private void record(String imsi, NetworkReport report) {
        Optional<Sim> sim = sims.byImsi(imsi);
        if (sim.isEmpty()) return;
        long acc = sim.get().accountId();
        String iccid = sim.get().iccid();
        NetworkStateRepository.Kept before = repo.registration(acc, iccid, report);
        if (before == null) return; // an older report than the one kept
        if (!report.attached()) {
            if (before.attached()) publisher.publishEvent(new NetworkObserved(acc, iccid, "DETACHED", before.tadigCode(), report.at()));
            if (before.inSession()) publisher.publishEvent(new DataSessionEnded(acc, iccid));
        } else if (!before.attached() || !java.util.Objects.equals(before.tadigCode(), report.tadigCode())) {
            publisher.publishEvent(new NetworkObserved(acc, iccid, "ATTACHED",
                    report.tadigCode() + " " + report.countryName() + " " + report.rat(), report.at()));
        } else {
            publisher.publishEvent(new NetworkObserved(acc, iccid, "LOCATION", report.tadigCode() + " " + report.rat(), report.at()));
        }
    }

    /** What the network last reported of the SIM; empty when it never did. */
    @Transactional(readOnly = true)
    public Optional<NetworkStateRepository.State> state(long accountId, String iccid) {
        return repo.state(accountId, iccid);
    }

    @Override
    @Transactional
    public void dataSessionEnded(String imsi, Instant at) {
        Optional<Sim> sim = sims.byImsi(imsi);
        if (sim.isPresent() && repo.sessionEnded(sim.get().accountId(), sim.get().iccid(), at)) {
            publisher.publishEvent(new NetworkObserved(sim.get().accountId(), sim.get().iccid(), "SESSION_ENDED", null, at));
            publisher.publishEvent(new DataSessionEnded(sim.get().accountId(), sim.get().iccid()));
        }
    }

    /** Whether the network last reported the SIM in a data session. */
    @Transactional(readOnly = true)
    public boolean inDataSession(long accountId, String iccid) {
        return repo.inSession(accountId, iccid);
    }
}
