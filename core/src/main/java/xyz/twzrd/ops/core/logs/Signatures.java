package xyz.twzrd.ops.core.logs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Turns an error line into its signature, so one error repeated with different ids, numbers and times counts
 * as one: UUIDs become {@code <uuid>}; dates ({@code 2026-11-30}, optionally with a time, fraction and zone) and
 * times ({@code 01:00:00}) {@code <ts>}; hex ids ({@code 0x1f}, or a word of 8+ hex digits with a digit and a
 * letter) {@code <hex>}; other digit runs {@code <n>}. A leading timestamp is dropped, white space collapsed,
 * control characters replaced, and the result cut to {@value #MAX_SIGNATURE} characters. One pass, no regex:
 * it runs for every error line. Also reads a line's own time.
 */
public final class Signatures {
    /** Longest signature, in characters. */
    public static final int MAX_SIGNATURE = 200;
    private static final int MAX_INPUT = 1024;

    private Signatures() {
    }

    /** The signature of a line. */
    public static String of(String line) {
        String s = line.length() > MAX_INPUT ? line.substring(0, MAX_INPUT) : line;
        int n = s.length();
        StringBuilder out = new StringBuilder(Math.min(n, MAX_SIGNATURE + 16));
        int i = Math.max(0, dateTimeEnd(s, 0, false)); // a leading timestamp (PM2 --time prefix) is not part of the error
        while (i > 0 && i < n && (s.charAt(i) == ':' || s.charAt(i) == ' ' || s.charAt(i) == ']')) {
            i++;
        }
        while (i < n && out.length() < MAX_SIGNATURE) {
            char c = s.charAt(i);
            int end = -1;
            if (isHex(c)) {
                boolean boundary = i == 0 || !isWord(s.charAt(i - 1));
                if (boundary && (end = uuidEnd(s, i)) > 0) {
                    out.append("<uuid>");
                } else if (isDigit(c) && (end = timestampEnd(s, i)) > 0) {
                    out.append("<ts>");
                } else if (boundary && (end = hexEnd(s, i)) > 0) {
                    out.append("<hex>");
                } else if (isDigit(c)) {
                    end = i;
                    while (end < n && isDigit(s.charAt(end))) {
                        end++;
                    }
                    out.append("<n>");
                }
            }
            if (end < 0) {
                end = i + 1;
                if (Character.isWhitespace(c)) {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) != ' ') {
                        out.append(' ');
                    }
                } else {
                    out.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? '\uFFFD' : c);
                }
            }
            i = end;
        }
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') {
            len--;
        }
        out.setLength(Math.min(len, MAX_SIGNATURE));
        return out.toString();
    }

    /** The time a line starts with (PM2 {@code --time} prefix or ISO-8601; no zone means UTC), or null. */
    public static Instant lineTime(String line) {
        int end = dateTimeEnd(line, 0, true);
        if (end < 0) {
            return null;
        }
        try {
            LocalDateTime t = LocalDateTime.of(num(line, 0, 4), num(line, 5, 2), num(line, 8, 2),
                    num(line, 11, 2), num(line, 14, 2), num(line, 17, 2), nanos(line, 19));
            return t.toInstant(zone(line, fractionEnd(line, 19)));
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** A line made safe to show: control characters replaced, cut to {@code max} characters with "…". */
    public static String example(String line, int max) {
        String s = line.length() > max ? line.substring(0, max - 1) + "…" : line;
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\t' || c == '\u2028' || c == '\u2029') {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, '\uFFFD');
            }
        }
        return sb == null ? s : sb.toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isWord(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    private static boolean endsWord(String s, int end) {
        return end >= s.length() || !isWord(s.charAt(end));
    }

    private static int uuidEnd(String s, int i) {
        if (i + 36 > s.length()) {
            return -1;
        }
        for (int k = 0; k < 36; k++) {
            char c = s.charAt(i + k);
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? c != '-' : !isHex(c)) {
                return -1;
            }
        }
        return endsWord(s, i + 36) ? i + 36 : -1;
    }

    private static int hexEnd(String s, int i) {
        int n = s.length();
        if (i + 2 < n && s.charAt(i) == '0' && (s.charAt(i + 1) == 'x' || s.charAt(i + 1) == 'X') && isHex(s.charAt(i + 2))) {
            int e = i + 2;
            while (e < n && isHex(s.charAt(e))) {
                e++;
            }
            return endsWord(s, e) ? e : -1;
        }
        boolean digit = false;
        boolean letter = false;
        int e = i;
        while (e < n && isHex(s.charAt(e))) {
            digit |= isDigit(s.charAt(e));
            letter |= !isDigit(s.charAt(e));
            e++;
        }
        return e - i >= 8 && digit && letter && endsWord(s, e) ? e : -1;
    }

    /** End of a date (with optional time) or of a time {@code hh:mm:ss} starting at i, or -1. */
    private static int timestampEnd(String s, int i) {
        int e = dateTimeEnd(s, i, false);
        if (e > 0) {
            return e;
        }
        if (i > 0 && isDigit(s.charAt(i - 1)) || !digits(s, i, 2) || !at(s, i + 2, ':') || !digits(s, i + 3, 2)
                || !at(s, i + 5, ':') || !digits(s, i + 6, 2)) {
            return -1;
        }
        return fractionEnd(s, i + 8);
    }

    /**
     * End of {@code yyyy-mm-dd} (time optional unless {@code needTime}) with {@code [T ]hh:mm[:ss][.fff][zone]}
     * starting at i, or -1.
     */
    private static int dateTimeEnd(String s, int i, boolean needTime) {
        if (i > 0 && isDigit(s.charAt(i - 1)) || !digits(s, i, 4) || !at(s, i + 4, '-') || !digits(s, i + 5, 2)
                || !at(s, i + 7, '-') || !digits(s, i + 8, 2)) {
            return -1;
        }
        int e = i + 10;
        boolean time = (at(s, e, 'T') || at(s, e, ' ')) && digits(s, e + 1, 2) && at(s, e + 3, ':') && digits(s, e + 4, 2);
        if (!time) {
            return needTime ? -1 : e;
        }
        e += 6;
        if (at(s, e, ':') && digits(s, e + 1, 2)) {
            e = fractionEnd(s, e + 3);
        } else if (needTime) {
            return -1;
        }
        if (at(s, e, 'Z')) {
            return e + 1;
        }
        if ((at(s, e, '+') || at(s, e, '-')) && digits(s, e + 1, 2)) {
            int z = e + 3;
            if (at(s, z, ':')) {
                z++;
            }
            return digits(s, z, 2) ? z + 2 : e;
        }
        return e;
    }

    private static int fractionEnd(String s, int e) {
        if ((at(s, e, '.') || at(s, e, ',')) && e + 1 < s.length() && isDigit(s.charAt(e + 1))) {
            e++;
            while (e < s.length() && isDigit(s.charAt(e))) {
                e++;
            }
        }
        return e;
    }

    private static int nanos(String s, int e) {
        if (!(at(s, e, '.') || at(s, e, ','))) {
            return 0;
        }
        int v = 0;
        int k = 0;
        for (int i = e + 1; i < s.length() && isDigit(s.charAt(i)); i++, k++) {
            if (k < 9) {
                v = v * 10 + (s.charAt(i) - '0');
            }
        }
        for (; k < 9; k++) {
            v *= 10;
        }
        return v;
    }

    private static ZoneOffset zone(String s, int e) {
        if ((at(s, e, '+') || at(s, e, '-')) && digits(s, e + 1, 2)) {
            int m = at(s, e + 3, ':') ? e + 4 : e + 3;
            int sign = s.charAt(e) == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * num(s, e + 1, 2), digits(s, m, 2) ? sign * num(s, m, 2) : 0);
        }
        return ZoneOffset.UTC;
    }

    private static boolean at(String s, int i, char c) {
        return i < s.length() && s.charAt(i) == c;
    }

    private static boolean digits(String s, int i, int count) {
        if (i + count > s.length()) {
            return false;
        }
        for (int k = i; k < i + count; k++) {
            if (!isDigit(s.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static int num(String s, int i, int count) {
        int v = 0;
        for (int k = i; k < i + count; k++) {
            v = v * 10 + (s.charAt(k) - '0');
        }
        return v;
    }
}
