package xyz.twzrd.ops.core.exec;

import java.io.IOException;

/** A command could not be run to completion: not found, timed out, or the connection failed. */
public class CommandException extends IOException {
    /** Why a command failed. */
    public enum Kind { NOT_FOUND, TIMEOUT, IO }

    private final Kind kind;

    public CommandException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public CommandException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
