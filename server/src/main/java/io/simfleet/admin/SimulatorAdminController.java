package io.simfleet.admin;

import io.simfleet.common.DomainException;
import io.simfleet.common.ResultCode;
import io.simfleet.simulator.NetworkSimulator;
import io.simfleet.simulator.SimulatorException;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's scenarios for the network simulator (docs/network.md): move a SIM to a country,
 * detach or re-attach it, open or close its data session, send an SMS, take a network down or up,
 * inject the network-side faults. Each answers the SIM as the simulator then holds it.
 */
@RestController
@RequestMapping(path = "/admin/network", produces = MediaType.APPLICATION_JSON_VALUE)
class SimulatorAdminController {
    private final ObjectProvider<NetworkSimulator> simulator;

    SimulatorAdminController(ObjectProvider<NetworkSimulator> simulator) {
        this.simulator = simulator;
    }

    private NetworkSimulator sim() {
        NetworkSimulator s = simulator.getIfAvailable();
        if (s == null) throw new DomainException(ResultCode.WRONG_INPUT_PARAMETER, "the network simulator is off (SIMFLEET_SIMULATOR=false)");
        return s;
    }

    private Map<String, Object> play(String imsi, Consumer<NetworkSimulator> scenario) {
        if (!imsi.matches("\\d{6,15}")) throw DomainException.wrong("imsi");
        try {
            scenario.accept(sim());
        } catch (SimulatorException e) {
            throw new DomainException(ResultCode.WRONG_INPUT_PARAMETER, e.getMessage());
        }
        return sim().describe(imsi).orElseThrow(() -> new DomainException(ResultCode.NO_DATA_AVAILABLE, "IMSI " + imsi));
    }

    @GetMapping("/sims/{imsi}")
    Map<String, Object> describe(@PathVariable String imsi) {
        return play(imsi, s -> { });
    }

    record Move(String country) {}

    @PostMapping("/sims/{imsi}/move")
    Map<String, Object> move(@PathVariable String imsi, @RequestBody Move m) {
        if (m == null || m.country() == null || m.country().isBlank()) throw DomainException.missing("country");
        return play(imsi, s -> s.move(imsi, m.country().trim()));
    }

    @PostMapping("/sims/{imsi}/detach")
    Map<String, Object> detach(@PathVariable String imsi) {
        return play(imsi, s -> s.forceDetach(imsi));
    }

    @PostMapping("/sims/{imsi}/attach")
    Map<String, Object> attach(@PathVariable String imsi) {
        return play(imsi, s -> s.reattach(imsi));
    }

    record Session(Boolean open, Long bytes) {}

    @PostMapping("/sims/{imsi}/session")
    Map<String, Object> session(@PathVariable String imsi, @RequestBody Session b) {
        if (b == null || b.open() == null) throw DomainException.missing("open");
        if (b.bytes() != null && (b.bytes() < 0 || b.bytes() > 1_000_000_000_000L)) throw DomainException.wrong("bytes");
        return play(imsi, s -> {
            if (b.open()) s.openSession(imsi);
            else s.closeSession(imsi, b.bytes() == null ? 0 : b.bytes());
        });
    }

    record Sms(String direction) {}

    @PostMapping("/sims/{imsi}/sms")
    Map<String, Object> sms(@PathVariable String imsi, @RequestBody Sms b) {
        if (b == null || b.direction() == null) throw DomainException.missing("direction");
        if (!b.direction().equals("MO") && !b.direction().equals("MT")) throw DomainException.wrong("direction");
        return play(imsi, s -> s.sms(imsi, b.direction().equals("MO")));
    }

    record NetworkState(Boolean up) {}

    @PostMapping("/networks/{tadig}")
    Map<String, Object> network(@PathVariable String tadig, @RequestBody NetworkState b) {
        if (!tadig.matches("[A-Z0-9]{5}")) throw DomainException.wrong("tadig");
        if (b == null || b.up() == null) throw DomainException.missing("up");
        sim().network(tadig, b.up());
        return Map.of("tadigCode", tadig, "up", b.up());
    }

    record Fault(String imsi, String kind) {}

    /** {@code kind}: HSS_UNREACHABLE, HSS_TIMEOUT, NO_LOCATION, HANG (a question that never answers), or null to clear; {@code imsi} null: every SIM. */
    @PostMapping("/faults")
    Map<String, Object> fault(@RequestBody Fault f) {
        if (f == null) throw DomainException.missing("kind");
        if (f.imsi() != null && !f.imsi().matches("\\d{6,15}")) throw DomainException.wrong("imsi");
        if (f.kind() != null && !f.kind().matches("HSS_UNREACHABLE|HSS_TIMEOUT|NO_LOCATION|HANG")) throw DomainException.wrong("kind");
        sim().fault(f.imsi(), f.kind());
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("imsi", f.imsi());
        out.put("kind", f.kind());
        return out;
    }
}
