package dev.shoal.cli.internal;

import java.time.Duration;
import java.util.function.Function;

import dev.shoal.support.text.Rates;
import dev.shoal.support.text.Shares;
import dev.shoal.support.text.Spans;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for option values. A value that does not convert is a wrong command line:
 * picocli reports it as "Invalid value for option '--x': why", and the command exits 2.
 */
final class OptionTypes {

    private OptionTypes() {
    }

    /** Bytes per second, see {@link Rates#parse}: K = 1024, "1.5M", 0 for no limit. */
    static final class Rate implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return converted(Rates::parse, value);
        }
    }

    /** A span of time, see {@link Spans#parse}: "90s", "1h30m". */
    static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return converted(Spans::parse, value);
        }
    }

    private static <T> T converted(Function<String, T> parser, String value) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** A share ratio, see {@link Shares#parseRatio}: a plain decimal number, 0 or more. */
    static final class Ratio implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            return converted(Shares::parseRatio, value);
        }
    }

    /** A TCP port, 0 to 65535. */
    static final class Port implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            String t = value.trim();
            if (!t.matches("\\d{1,5}") || Integer.parseInt(t) > 65_535) {
                throw new TypeConversionException("not a port: \"" + value + "\" (0 to 65535; 0 picks a free one)");
            }
            return Integer.parseInt(t);
        }
    }
}
