package xyz.twzrd.ops.core.testkit;

import java.util.concurrent.atomic.AtomicInteger;
import xyz.twzrd.ops.core.exec.Command;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandResult;
import xyz.twzrd.ops.core.exec.CommandRunner;
import xyz.twzrd.ops.core.exec.LocalCommandRunner;

/**
 * The real local runner, counting the commands it runs, and saying it is local or not as a test needs (a runner
 * that says it is remote makes the code take its SSH-target path, e.g. the health probe running curl).
 */
public final class LocalRunner implements CommandRunner {
    private final LocalCommandRunner local = new LocalCommandRunner();
    private final boolean saysLocal;
    private final AtomicInteger commands = new AtomicInteger();

    private LocalRunner(boolean saysLocal) {
        this.saysLocal = saysLocal;
    }

    /** Runs here and says so. */
    public static LocalRunner counting() {
        return new LocalRunner(true);
    }

    /** Runs here but says it is remote. */
    public static LocalRunner sayingRemote() {
        return new LocalRunner(false);
    }

    /** How many commands it ran. */
    public int commands() {
        return commands.get();
    }

    @Override
    public CommandResult run(Command command) throws CommandException {
        commands.incrementAndGet();
        return local.run(command);
    }

    @Override
    public String hostName() {
        return local.hostName();
    }

    @Override
    public boolean isLocal() {
        return saysLocal;
    }
}
