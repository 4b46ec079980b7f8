package io.simfleet.privatenet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.simfleet.common.DomainException;
import io.simfleet.endpoint.EndpointStatus;
import io.simfleet.endpoint.ProvisioningState;
import org.junit.jupiter.api.Test;

/**
 * The subnet arithmetic of VSlices, the name rule, and the numbered provisioning states: pure
 * rules. What needs the database (allocation, uniqueness, another account's ids) is in
 * {@link PrivateNetworkTest}.
 */
class SubnetTest {

    @Test
    void aSubnetHasItsHostsBetweenNetworkAndBroadcast() {
        Subnet s = Subnet.parse(" 10.20.0.0/24 ", "subnet");
        assertEquals("10.20.0.0/24", s.toString());
        assertEquals(254, s.capacity());
        assertEquals("10.20.0.1", Subnet.format(s.host(1)));
        assertEquals("10.20.0.254", Subnet.format(s.host(254)));
        assertFalse(s.isHost(Subnet.address("10.20.0.0", "ip")), "network address");
        assertFalse(s.isHost(Subnet.address("10.20.0.255", "ip")), "broadcast address");
        assertTrue(s.isHost(Subnet.address("10.20.0.7", "ip")));
        assertFalse(s.isHost(Subnet.address("10.20.1.7", "ip")));
        assertEquals(2, Subnet.parse("192.168.1.4/30", "subnet").capacity());
        assertEquals((1L << 24) - 2, Subnet.parse("10.0.0.0/8", "subnet").capacity());
        assertThrows(IllegalArgumentException.class, () -> s.host(255));
    }

    @Test
    void overlaps() {
        Subnet a = Subnet.parse("10.0.0.0/16", "subnet");
        assertTrue(a.overlaps(Subnet.parse("10.0.5.0/24", "subnet")));
        assertTrue(Subnet.parse("10.0.5.0/24", "subnet").overlaps(a));
        assertFalse(a.overlaps(Subnet.parse("10.1.0.0/16", "subnet")));
    }

    @Test
    void malformedSubnetsAndAddressesAreRefusedNamingTheField() {
        for (String bad : new String[] {"10.0.0.0", "10.0.0.0/", "10.0.0.0/7", "10.0.0.0/31", "10.0.0.0/32", "10.0.0.5/24", "10.0.0/24",
                "10.0.0.256/24", "010.0.0.0/24", "::1/64", "10.0.0.0/2a", "ten/24"}) {
            DomainException e = assertThrows(DomainException.class, () -> Subnet.parse(bad, "subnet"), bad);
            assertEquals(1001, e.code().code(), bad);
            assertTrue(e.getMessage().startsWith("Wrong input parameter - subnet"), e.getMessage());
        }
        assertEquals(1000, assertThrows(DomainException.class, () -> Subnet.parse(" ", "subnet")).code().code());
        for (String bad : new String[] {"1.2.3", "1.2.3.4.5", "1.2.3.256", "01.2.3.4", "1.2.3.-4", "١.2.3.4", "1.2.3.4/32"}) {
            assertEquals(1001, assertThrows(DomainException.class, () -> Subnet.address(bad, "ipAddress"), bad).code().code(), bad);
        }
    }

    @Test
    void namesAreOneToSixtyFourPrintableCharacters() {
        assertEquals("Sensors – hall 2", PrivateNetworkService.name("  Sensors – hall 2 ", "endpointGroupName"));
        assertEquals(1000, assertThrows(DomainException.class, () -> PrivateNetworkService.name("  ", "n")).code().code());
        assertEquals(1001, assertThrows(DomainException.class, () -> PrivateNetworkService.name("a".repeat(65), "n")).code().code());
        assertEquals(1001, assertThrows(DomainException.class, () -> PrivateNetworkService.name("evil\u202Egnp", "n")).code().code());
        assertEquals("a".repeat(64), PrivateNetworkService.name("a".repeat(64), "n"));
    }

    @Test
    void provisioningStatesMapOurStatesAndTheGroupRule() {
        assertEquals(ProvisioningState.PENDING, ProvisioningState.of(EndpointStatus.PRE_ACTIVE, false, false));
        assertEquals(ProvisioningState.PENDING, ProvisioningState.of(EndpointStatus.HOLD, true, true));
        assertEquals(ProvisioningState.ACTIVE, ProvisioningState.of(EndpointStatus.ACTIVE, false, false));
        assertEquals(ProvisioningState.ACTIVE, ProvisioningState.of(EndpointStatus.ACTIVE_TEST, false, false));
        assertEquals(ProvisioningState.ACTIVE, ProvisioningState.of(EndpointStatus.ACTIVE_INVENTORY, true, true));
        assertEquals(ProvisioningState.PENDING, ProvisioningState.of(EndpointStatus.ACTIVE, true, false), "opted in, in no group");
        assertEquals(ProvisioningState.SUSPENDED, ProvisioningState.of(EndpointStatus.SUSPENDED, true, false));
        assertEquals(ProvisioningState.TERMINATED, ProvisioningState.of(EndpointStatus.DELETED, true, false));
        assertEquals(30, ProvisioningState.PENDING.id());
        assertEquals(70, ProvisioningState.TERMINATED.id());
        assertTrue(ProvisioningState.ACTIVE.usable());
        assertFalse(ProvisioningState.PENDING.usable());
    }
}
