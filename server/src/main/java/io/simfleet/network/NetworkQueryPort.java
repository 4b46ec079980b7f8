package io.simfleet.network;

/**
 * The outbound port for questions to the network (the HSS): where a SIM is now. Called on a
 * request's path with a bounded wait (the caller's time-out answers 10088). An adapter (the
 * simulator, or a real HSS/MAP/Diameter integration) implements it.
 */
public interface NetworkQueryPort {
    /**
     * The SIM's location as the visited network gives it; throws {@link NetworkFault} when the
     * network cannot say (detached, HSS unreachable or timing out, no location provided).
     */
    Location locate(String imsi);

    /** A location: the visited network (MCC, MNC, operator, country), the cell (LAC or TAC, cell id), the RAT of the cell. */
    record Location(String mcc, String mnc, String operatorName, String countryName, String tadigCode, String rat,
                    Integer lac, Integer tac, long cellId, long ageSeconds) {}
}
