package xyz.twzrd.ops.core.ssh;

import xyz.twzrd.ops.core.host.Target;
import xyz.twzrd.ops.core.exec.CommandException;
import xyz.twzrd.ops.core.exec.CommandRunner;
import xyz.twzrd.ops.core.host.HostProbe;
import xyz.twzrd.ops.core.host.ProcHostProbe;

/**
 * A remote Linux host over SSH: commands through one reused {@link SshCommandRunner} session, metrics through
 * {@link ProcHostProbe} (the host's own {@code /proc} files, {@code nproc} and {@code df}); nothing but the usual
 * tools (and pm2 for the PM2 checks) needs to be installed there.
 */
public final class SshTarget implements Target {
    private final SshCommandRunner runner;
    private final ProcHostProbe probe;

    private SshTarget(SshCommandRunner runner, ProcHostProbe probe) {
        this.runner = runner;
        this.probe = probe;
    }

    /**
     * Connects to the host.
     *
     * @throws CommandException when the host cannot be reached, its key is unknown or changed, or authentication
     *                          fails; the message names the target and the reason
     */
    public static SshTarget open(SshSettings settings) throws CommandException {
        SshCommandRunner r = SshCommandRunner.connect(settings);
        return new SshTarget(r, new ProcHostProbe(r, settings.commandTimeout()));
    }

    @Override
    public String name() {
        return runner.hostName();
    }

    @Override
    public CommandRunner runner() {
        return runner;
    }

    @Override
    public HostProbe hostProbe() {
        return probe;
    }
}
