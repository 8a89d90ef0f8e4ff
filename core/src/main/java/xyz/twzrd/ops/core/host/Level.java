package xyz.twzrd.ops.core.host;

import xyz.twzrd.ops.core.ConfigException;
import xyz.twzrd.ops.core.Numbers;

/** An "alert above / emergency above" pair of thresholds. */
public class Level {
    private double alert;
    private double emergency;

    public Level() {
    }

    public Level(double alert, double emergency) {
        this.alert = alert;
        this.emergency = emergency;
    }

    public double getAlert() {
        return alert;
    }

    public Level setAlert(double alert) {
        this.alert = alert;
        return this;
    }

    public double getEmergency() {
        return emergency;
    }

    public Level setEmergency(double emergency) {
        this.emergency = emergency;
        return this;
    }

    void validate(String key, double max) throws ConfigException {
        check(key + ".alert", alert, max);
        check(key + ".emergency", emergency, max);
        if (alert > emergency) {
            throw new ConfigException(key, "alert (" + alert + ") must not be above emergency (" + emergency + ")");
        }
    }

    private static void check(String key, double v, double max) throws ConfigException {
        if (Double.isNaN(v) || v < 0 || v > max) {
            throw new ConfigException(key, "must be a number from 0 to "
                    + (max == Double.MAX_VALUE ? "any" : Numbers.plain(max)) + ", not " + v);
        }
    }
}
