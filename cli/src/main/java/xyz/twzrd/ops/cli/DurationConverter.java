package xyz.twzrd.ops.cli;

import picocli.CommandLine;
import xyz.twzrd.ops.core.Durations;

import java.time.Duration;

/** Reads {@code 10s}, {@code 5m}, {@code 500ms} ... for picocli options. */
final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException(e.getMessage());
        }
    }
}
