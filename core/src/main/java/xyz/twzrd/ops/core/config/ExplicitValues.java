package xyz.twzrd.ops.core.config;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import xyz.twzrd.ops.core.Durations;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Sets one explicit value (a flag or a step field: a dotted key and a Java value) into a configuration without the
 * databind machinery, for a run whose layers are only explicit values: the hourly check's cold JVM would otherwise
 * spend most of its configuration time initialising an {@code ObjectMapper} for two flags.
 *
 * <p>It walks the same fields databind binds ({@link OpsConfig}'s mapper sees every field, no getter or setter,
 * named by Jackson's own kebab-case strategy) and only does what databind would do in the plain cases; in any other
 * case {@link #apply} changes nothing and answers false, and the layer is merged by databind as before, with its
 * conversions and its error messages: an unknown key, a key below a value or above a section, a missing
 * intermediate section, an annotated field (e.g. {@code pm2.expected-apps} has its own deserializer), a final,
 * transient or ambiguous field, and any value other than String to String, Boolean to boolean, Integer or Long to an
 * int or long it fits, Byte/Short/Integer/Long/Float/Double to double, Duration to Duration, and a String that is a
 * valid duration to Duration. A Path is its string, as {@link ConfigLayers#set} sends it to databind.
 */
final class ExplicitValues {
    /** The naming of {@link OpsConfig}'s mapper, the same instance, so a key can never be named differently. */
    private static final PropertyNamingStrategies.NamingBase NAMES =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.KEBAB_CASE;
    private static final Object NOT_PLAIN = new Object();

    private ExplicitValues() {
    }

    /** Sets the value and answers true, or changes nothing and answers false (then databind must merge it). */
    static boolean apply(OpsConfig config, String key, Object value) {
        String[] parts = key.split("\\.", -1);
        Object target = config;
        try {
            for (int i = 0; i < parts.length; i++) {
                if (!isSection(target.getClass())) {
                    return false;
                }
                Field f = field(target.getClass(), parts[i]);
                if (f == null) {
                    return false;
                }
                if (i == parts.length - 1) {
                    Object v = convert(f.getType(), value instanceof Path p ? p.toString() : value);
                    if (v == NOT_PLAIN) {
                        return false;
                    }
                    f.set(target, v);
                    return true;
                }
                target = f.get(target);
                if (target == null) {
                    return false;
                }
            }
        } catch (IllegalAccessException | RuntimeException e) {
            return false; // not a plain case after all; databind decides and words any error
        }
        return false;
    }

    /** One of the configuration's own section classes, with no annotation that could change how databind binds it. */
    private static boolean isSection(Class<?> c) {
        for (Class<?> k = c; k != Object.class; k = k.getSuperclass()) {
            if (!k.getName().startsWith("xyz.twzrd.ops.core.") || k.getAnnotations().length > 0) {
                return false;
            }
        }
        return true;
    }

    /** The one plain instance field databind names {@code name}, or null (none, several, or not plain). */
    private static Field field(Class<?> c, String name) {
        Field found = null;
        for (Class<?> k = c; k != Object.class; k = k.getSuperclass()) {
            for (Field f : k.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers()) || f.isSynthetic() || !name.equals(NAMES.translate(f.getName()))) {
                    continue;
                }
                if (found != null || Modifier.isFinal(f.getModifiers()) || Modifier.isTransient(f.getModifiers())
                        || f.getAnnotations().length > 0) {
                    return null;
                }
                found = f;
            }
        }
        if (found != null) {
            found.setAccessible(true);
        }
        return found;
    }

    private static Object convert(Class<?> t, Object v) {
        if (t == String.class) {
            return v instanceof String ? v : NOT_PLAIN;
        }
        if (t == boolean.class || t == Boolean.class) {
            return v instanceof Boolean ? v : NOT_PLAIN;
        }
        if (t == Duration.class) {
            if (v instanceof Duration) {
                return v;
            }
            if (v instanceof String s) {
                try {
                    return Durations.parse(s);
                } catch (IllegalArgumentException e) {
                    return NOT_PLAIN; // databind's message names the key
                }
            }
            return NOT_PLAIN;
        }
        if (t == double.class || t == Double.class) {
            return v instanceof Double || v instanceof Float || v instanceof Long || v instanceof Integer
                    || v instanceof Short || v instanceof Byte ? (Object) ((Number) v).doubleValue() : NOT_PLAIN;
        }
        if (!(v instanceof Integer || v instanceof Long)) {
            return NOT_PLAIN;
        }
        long n = ((Number) v).longValue();
        if (t == long.class || t == Long.class) {
            return n;
        }
        if ((t == int.class || t == Integer.class) && n >= Integer.MIN_VALUE && n <= Integer.MAX_VALUE) {
            return (int) n;
        }
        return NOT_PLAIN;
    }
}
