package io.simfleet.simulator;

/** A scenario the simulator cannot play (an unknown IMSI, a SIM not attached). */
public class SimulatorException extends RuntimeException {
    public SimulatorException(String message) {
        super(message);
    }
}
