package xyz.twzrd.ops.core.pm2;

/** PM2 could not be asked or did not answer sensibly; the message is the reason, fit for an UNKNOWN finding. */
public final class Pm2Exception extends Exception {
    public Pm2Exception(String message) {
        super(message);
    }

    public Pm2Exception(String message, Throwable cause) {
        super(message, cause);
    }
}
