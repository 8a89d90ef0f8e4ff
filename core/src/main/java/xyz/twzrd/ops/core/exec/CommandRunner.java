package xyz.twzrd.ops.core.exec;

/**
 * Where commands run: this machine ({@link LocalCommandRunner}) or a remote host over SSH.
 * Both take argument lists; neither ever passes input through a local shell.
 */
public interface CommandRunner extends AutoCloseable {
    /**
     * Runs a command to completion. A non-zero exit is a normal result; only a command that could not
     * be started, did not finish in time, or whose transport failed throws.
     */
    CommandResult run(Command command) throws CommandException;

    /** Name of the host the commands run on, as results report it. */
    String hostName();

    /** True when the commands run on this machine (so local APIs such as OSHI describe the same host). */
    boolean isLocal();

    @Override
    default void close() {
    }
}
