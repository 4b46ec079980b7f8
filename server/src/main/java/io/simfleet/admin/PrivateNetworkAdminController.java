package io.simfleet.admin;

import io.simfleet.account.Account;
import io.simfleet.account.AccountService;
import io.simfleet.common.DomainException;
import io.simfleet.common.Input;
import io.simfleet.common.ResultCode;
import io.simfleet.privatenet.PrivateNetworkService;
import io.simfleet.privatenet.VSlice;
import io.simfleet.sim.ClaimCode;
import io.simfleet.sim.SimService;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's side of the private network (docs/admin-api.md, "Private network"): an
 * enterprise's VSlices (subnets are network resources the operator routes, so only the operator
 * creates, renames and deletes them; the enterprise lists them and makes its groups in them), and
 * the activation code printed on a SIM, read or replaced.
 */
@RestController
@RequestMapping(path = "/admin", produces = MediaType.APPLICATION_JSON_VALUE)
class PrivateNetworkAdminController {
    private final AccountService accounts;
    private final PrivateNetworkService privateNetwork;
    private final SimService sims;

    PrivateNetworkAdminController(AccountService accounts, PrivateNetworkService privateNetwork, SimService sims) {
        this.accounts = accounts;
        this.privateNetwork = privateNetwork;
        this.sims = sims;
    }

    /** A slice as the operator API shows it. */
    record SliceView(long accountId, long id, String name, String subnet, long totalAddresses, long usedAddresses,
                     long freeAddresses, long endpointGroups, Instant createdAt) {
        static SliceView of(VSlice.Usage u) {
            VSlice s = u.slice();
            return new SliceView(s.accountId(), s.id(), s.name(), s.subnet().toString(), s.subnet().capacity(), u.usedAddresses(),
                    u.freeAddresses(), u.groups(), s.createdAt());
        }
    }

    record NewSlice(String name, String subnet) {}

    @PostMapping("/accounts/{id}/vslices")
    @ResponseStatus(HttpStatus.CREATED)
    SliceView createSlice(@PathVariable long id, @RequestBody NewSlice s) {
        enterprise(id);
        VSlice slice = privateNetwork.createSlice(id, s.name(), s.subnet());
        return SliceView.of(new VSlice.Usage(slice, 0, 0));
    }

    @GetMapping("/accounts/{id}/vslices")
    List<SliceView> slices(@PathVariable long id) {
        enterprise(id);
        return privateNetwork.slices(id, null).stream().map(SliceView::of).toList();
    }

    record SliceName(String name) {}

    @PatchMapping("/accounts/{id}/vslices/{vSliceId}")
    SliceView renameSlice(@PathVariable long id, @PathVariable long vSliceId, @RequestBody SliceName s) {
        enterprise(id);
        privateNetwork.renameSlice(id, vSliceId, s.name());
        return privateNetwork.slices(id, vSliceId).stream().map(SliceView::of).findFirst().orElseThrow();
    }

    @DeleteMapping("/accounts/{id}/vslices/{vSliceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteSlice(@PathVariable long id, @PathVariable long vSliceId) {
        enterprise(id);
        privateNetwork.deleteSlice(id, vSliceId);
    }

    /** The activation code printed on a SIM, with its wrong attempts and block. */
    record ClaimCodeView(long accountId, String iccid, String claimCode, String simStatus, int failedAttempts, Instant blockedUntil) {
        static ClaimCodeView of(long account, ClaimCode c) {
            return new ClaimCodeView(account, c.iccid(), c.code(), c.simStatus().displayName(), c.failedAttempts(), c.blockedUntil());
        }
    }

    @GetMapping("/accounts/{id}/sims/{iccid}/claim-code")
    ClaimCodeView claimCode(@PathVariable long id, @PathVariable String iccid) {
        enterprise(id);
        return ClaimCodeView.of(id, sims.claimCode(id, Input.iccid(iccid)));
    }

    /** A new code (the old one no longer works), its wrong attempts and block cleared. */
    @PostMapping("/accounts/{id}/sims/{iccid}/claim-code")
    ClaimCodeView regenerateClaimCode(@PathVariable long id, @PathVariable String iccid) {
        enterprise(id);
        return ClaimCodeView.of(id, sims.regenerateClaimCode(id, Input.iccid(iccid)));
    }

    private Account enterprise(long id) {
        Account a = accounts.find(id).orElseThrow(() -> new DomainException(ResultCode.NO_DATA_AVAILABLE, "account " + id));
        if (!a.isEnterprise()) throw DomainException.wrong("accountId (not an enterprise)");
        return a;
    }
}
