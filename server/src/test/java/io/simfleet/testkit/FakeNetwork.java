package io.simfleet.testkit;

import io.simfleet.network.NetworkGateway;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The network as the tests want it: SIMs (by master IMSI) with an open data session. */
public final class FakeNetwork implements NetworkGateway {
    private final Set<String> sessions = ConcurrentHashMap.newKeySet();

    public void openSession(String imsi) {
        sessions.add(imsi);
    }

    public void closeSession(String imsi) {
        sessions.remove(imsi);
    }

    @Override
    public boolean hasActiveDataSession(String imsi) {
        return sessions.contains(imsi);
    }
}
