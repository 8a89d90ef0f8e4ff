package xyz.twzrd.ops.core.ssh;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The known_hosts check, read-only: delegates to JSch's known_hosts repository, remembers the key the server
 * offered (for the fingerprint in messages) and never adds or removes an entry.
 */
final class RecordingHostKeys implements HostKeyRepository {
    private final HostKeyRepository delegate;
    private volatile byte[] offered;
    private volatile int verdict = -1;

    RecordingHostKeys(HostKeyRepository delegate) {
        this.delegate = delegate;
    }

    @Override
    public int check(String host, byte[] key) {
        offered = key.clone();
        verdict = delegate.check(host, key);
        return verdict;
    }

    /** Whether the last check found the host with a different key (CHANGED) or not at all (NOT_INCLUDED); -1 before. */
    int verdict() {
        return verdict;
    }

    /** {@code SHA256:<base64>} of the offered key, as {@code ssh-keygen -l} prints it, or null before a check. */
    String offeredFingerprint() {
        byte[] k = offered;
        return k == null ? null : fingerprint(k);
    }

    /** The type of the offered key ({@code ssh-ed25519}, {@code ssh-rsa} ...), read from its wire format. */
    String offeredType() {
        byte[] k = offered;
        if (k == null || k.length < 4) {
            return "unknown";
        }
        int len = ((k[0] & 0xff) << 24) | ((k[1] & 0xff) << 16) | ((k[2] & 0xff) << 8) | (k[3] & 0xff);
        return len > 0 && len <= k.length - 4 ? new String(k, 4, len, StandardCharsets.US_ASCII) : "unknown";
    }

    static String fingerprint(byte[] key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from this JVM", e);
        }
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // strict checking: never learn a key
    }

    @Override
    public void remove(String host, String type) {
        // read-only
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // read-only
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return delegate.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return delegate.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String host, String type) {
        return delegate.getHostKey(host, type);
    }
}
