package io.simfleet.testkit;

import io.simfleet.network.NetworkCommand;
import io.simfleet.network.NetworkCommandPort;
import io.simfleet.network.NetworkEventPort;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The mobile network as the tests want it: it records the commands the platform sends
 * (outbound port), and reports data sessions through the inbound port as a real network would.
 */
public final class FakeNetwork implements NetworkCommandPort {
    private final ObjectProvider<NetworkEventPort> platform;
    private final List<NetworkCommand> received = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failure;

    public FakeNetwork(ObjectProvider<NetworkEventPort> platform) {
        this.platform = platform;
    }

    public void openSession(String imsi) {
        platform.getObject().dataSessionStarted(imsi, Instant.now());
    }

    public void closeSession(String imsi) {
        platform.getObject().dataSessionEnded(imsi, Instant.now());
    }

    /** The commands received so far for this IMSI, oldest first. */
    public List<NetworkCommand> commandsFor(String imsi) {
        return received.stream().filter(c -> c.imsi().equals(imsi)).toList();
    }

    /** Makes every command fail with {@code e} (null: accept them again), as an unreachable network would. */
    public void failWith(RuntimeException e) {
        failure = e;
    }

    private volatile NetworkCommandPort forward;

    /**
     * Passes every command on to {@code next} after recording it (null: stop), e.g. to the
     * network simulator in the tests of the network calls; the other tests keep a network that
     * only records.
     */
    public void forwardTo(NetworkCommandPort next) {
        forward = next;
    }

    @Override
    public void send(NetworkCommand command) {
        RuntimeException f = failure;
        if (f != null) throw f;
        received.add(command);
        NetworkCommandPort next = forward;
        if (next != null) next.send(command);
    }
}
