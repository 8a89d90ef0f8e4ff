package xyz.twzrd.ops.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON through Jackson's streaming API only, for the small state files every hourly run reads and writes (alert
 * state, crash baseline, planned restarts, the history line). A short run that never starts databind saves most of
 * its JVM's work: in a cold JVM, databind's first read and write of one state file cost three times the whole JVM
 * start (docs/performance.md). Each file's {@link Codec} writes what {@link Json} would write of the same value
 * (same names, order, ISO-8601 instants, nulls left out, the same pretty layout) and reads what databind accepted:
 * unknown keys are skipped, a missing key reads as null, 0 or false, numbers and booleans given as text are accepted,
 * and anything else of the wrong shape is an error naming the key.
 */
public final class JsonStream {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonStream() {
    }

    /** A streaming parser over text (pm2's list). */
    public static JsonParser parser(String text) throws IOException {
        return FACTORY.createParser(text);
    }

    /** A streaming parser over part of a byte array (one history line). */
    public static JsonParser parser(byte[] bytes, int offset, int length) throws IOException {
        return FACTORY.createParser(bytes, offset, length);
    }

    /** How one type is written and read. */
    public interface Codec<T> {
        /** Writes the value (not null) as one JSON value. */
        void write(JsonGenerator g, T value) throws IOException;

        /** Reads one value; the parser is on its first token ({@code VALUE_NULL}: return null). */
        T read(JsonParser p) throws IOException;
    }

    /** Pretty JSON text, laid out as {@link Json#pretty} lays it out. */
    public static <T> String pretty(Codec<T> codec, T value) {
        return text(codec, value, true);
    }

    /** Compact one-line JSON text, as {@link Json#compact}. */
    public static <T> String compact(Codec<T> codec, T value) {
        return text(codec, value, false);
    }

    private static <T> String text(Codec<T> codec, T value, boolean pretty) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            if (value == null) {
                g.writeNull();
            } else {
                codec.write(g, value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    /**
     * The value of a whole JSON text.
     *
     * @throws IOException not JSON, empty, or not of the codec's shape (the message names the key, never a value)
     */
    public static <T> T read(Codec<T> codec, String text) throws IOException {
        try (JsonParser p = parser(text)) {
            if (p.nextToken() == null) {
                throw new JsonParseException(p, "no JSON content");
            }
            return codec.read(p);
        }
    }

    // ---- reading

    /**
     * Starts reading an object: true when the parser is on one, false for {@code null}, and an error for anything else.
     * Then {@link #nextField} goes through its fields.
     */
    public static boolean startObject(JsonParser p) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return false;
        }
        expect(p, JsonToken.START_OBJECT, "an object");
        return true;
    }

    /**
     * Moves to the next field's value (its name is {@code p.currentName()}); false at the end of the object. The
     * caller reads or {@linkplain #skip skips} each value.
     */
    public static boolean nextField(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            return false;
        }
        p.nextToken();
        return true;
    }

    /** Skips the current value, whatever it is (an unknown key's). */
    public static void skip(JsonParser p) throws IOException {
        p.skipChildren();
    }

    public static <T> List<T> list(JsonParser p, Codec<T> element) throws IOException {
        if (p.currentToken() == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, JsonToken.START_ARRAY, "a list");
        List<T> out = new ArrayList<>();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            out.add(element.read(p));
        }
        return out;
    }

    /** An object read as a map (its keys in file order). */
    public static <T> Map<String, T> map(JsonParser p, Codec<T> value) throws IOException {
        if (!startObject(p)) {
            return null;
        }
        Map<String, T> out = new LinkedHashMap<>();
        while (nextField(p)) {
            out.put(p.currentName(), value.read(p));
        }
        return out;
    }

    public static String string(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (!t.isScalarValue()) {
            throw mismatch(p, "a text");
        }
        return p.getText();
    }

    public static int intValue(JsonParser p) throws IOException {
        long v = longValue(p);
        if (v != (int) v) {
            throw mismatch(p, "a whole number that fits an int");
        }
        return (int) v;
    }

    /** A whole number (a fraction is cut, as databind cuts it); {@code null} reads as 0. */
    public static long longValue(JsonParser p) throws IOException {
        BigDecimal n = number(p, "a whole number");
        try {
            return n == null ? 0 : n.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
        } catch (ArithmeticException e) {
            throw mismatch(p, "a whole number that fits a long");
        }
    }

    public static Double doubleValue(JsonParser p) throws IOException {
        if (p.currentToken().isNumeric()) {
            return p.getDoubleValue();
        }
        BigDecimal n = number(p, "a number"); // null, numeric text, or an error
        return n == null ? null : n.doubleValue();
    }

    /** A number, or text that is one; null for {@code null}; anything else is an error saying what was wanted. */
    private static BigDecimal number(JsonParser p, String what) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isNumeric()) {
            return p.getDecimalValue();
        }
        if (t == JsonToken.VALUE_STRING) {
            try {
                return new BigDecimal(p.getText().strip());
            } catch (NumberFormatException e) {
                throw mismatch(p, what);
            }
        }
        throw mismatch(p, what);
    }

    public static boolean bool(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
            return t == JsonToken.VALUE_TRUE;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        if (t == JsonToken.VALUE_STRING && ("true".equals(p.getText()) || "false".equals(p.getText()))) {
            return "true".equals(p.getText());
        }
        throw mismatch(p, "true or false");
    }

    /** An enum constant by its name. */
    public static <E extends Enum<E>> E enumValue(JsonParser p, Class<E> type) throws IOException {
        String name = string(p);
        if (name == null || name.isEmpty()) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw mismatch(p, "one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }

    /** An instant as ISO-8601 text, or as (fractional) seconds since the epoch, as the Java time module reads it. */
    public static Instant instant(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        try {
            if (t == JsonToken.VALUE_STRING) {
                String s = p.getText().strip();
                return s.isEmpty() ? null : Instant.parse(s);
            }
            if (t.isNumeric()) {
                BigDecimal seconds = p.getDecimalValue();
                long whole = seconds.longValue();
                return Instant.ofEpochSecond(whole, seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue());
            }
        } catch (DateTimeException | ArithmeticException e) {
            throw mismatch(p, "an ISO-8601 time"); // the exception's own message quotes the text
        }
        throw mismatch(p, "an ISO-8601 time");
    }

    private static void expect(JsonParser p, JsonToken token, String what) throws IOException {
        if (p.currentToken() != token) {
            throw mismatch(p, what);
        }
    }

    private static IOException mismatch(JsonParser p, String what) {
        // the key of the value: in the enclosing object (in the parent context when the value opens an object or
        // a list, or is an element of a list)
        com.fasterxml.jackson.core.JsonStreamContext c = p.getParsingContext();
        if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY || c.inArray()) {
            c = c.getParent();
        }
        String key = c == null ? null : c.getCurrentName();
        return new JsonParseException(p, (key == null ? "the value" : "'" + key + "'") + " must be " + what
                + ", not " + p.currentToken());
    }

    // ---- writing (nulls are left out, as Json leaves them out)

    public static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    public static void field(JsonGenerator g, String name, Instant value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.toString());
        }
    }

    public static void field(JsonGenerator g, String name, Enum<?> value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value.name());
        }
    }

    public static <T> void field(JsonGenerator g, String name, List<T> values, Codec<T> element) throws IOException {
        if (values != null) {
            g.writeArrayFieldStart(name);
            for (T v : values) {
                if (v == null) {
                    g.writeNull();
                } else {
                    element.write(g, v);
                }
            }
            g.writeEndArray();
        }
    }

    public static <T> void field(JsonGenerator g, String name, Map<String, T> values, Codec<T> value) throws IOException {
        if (values != null) {
            g.writeObjectFieldStart(name);
            for (Map.Entry<String, T> e : values.entrySet()) {
                if (e.getValue() != null) {
                    g.writeFieldName(e.getKey());
                    value.write(g, e.getValue());
                }
            }
            g.writeEndObject();
        }
    }

    /** Text values (a list of names). */
    public static final Codec<String> STRING = new Codec<>() {
        @Override
        public void write(JsonGenerator g, String value) throws IOException {
            g.writeString(value);
        }

        @Override
        public String read(JsonParser p) throws IOException {
            return string(p);
        }
    };

    /** Whole numbers (counts per app). */
    public static final Codec<Long> LONG = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Long value) throws IOException {
            g.writeNumber(value);
        }

        @Override
        public Long read(JsonParser p) throws IOException {
            return p.currentToken() == JsonToken.VALUE_NULL ? null : longValue(p);
        }
    };

    /** Numbers (measured values). */
    public static final Codec<Double> DOUBLE = new Codec<>() {
        @Override
        public void write(JsonGenerator g, Double value) throws IOException {
            g.writeNumber(value);
        }

        @Override
        public Double read(JsonParser p) throws IOException {
            return doubleValue(p);
        }
    };
}
