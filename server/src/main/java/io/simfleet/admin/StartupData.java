package io.simfleet.admin;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The operator account and the demo data, written before the server accepts its first request:
 * a lifecycle of the lowest phase starts before the web server's (whose port opens only then), so
 * no login is ever answered by a half-started server (it used to be, with 10126, while the demo
 * data was still being loaded after the port had opened).
 */
@Component
class StartupData implements SmartLifecycle {
    private final OperatorBootstrap operator;
    private final DemoData demo;
    private volatile boolean running;

    StartupData(OperatorBootstrap operator, DemoData demo) {
        this.operator = operator;
        this.demo = demo;
    }

    @Override
    public void start() {
        operator.run();
        demo.run();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE / 2;
    }
}
