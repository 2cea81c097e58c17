package dev.shoal.cli.internal;

import java.time.Duration;
import java.util.function.Function;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli converters for option values. A value that does not convert is a wrong command line:
 * picocli reports it as "Invalid value for option '--x': why", and the command exits 2.
 */
final class OptionTypes {

    private OptionTypes() {
    }

    /** Bytes per second, see {@link Rates#parse}. */
    static final class Rate implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            return converted(Rates::parse, value);
        }
    }

    /** A span of time, see {@link Durations#parse}. */
    static final class Time implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return converted(Durations::parse, value);
        }
    }

    private static <T> T converted(Function<String, T> parser, String value) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** A share ratio: a plain decimal number, 0 or more ({@code 1}, {@code 0.5}, {@code 2.25}). */
    static final class Ratio implements ITypeConverter<Double> {
        @Override
        public Double convert(String value) {
            String t = value.trim();
            if (!t.matches("\\d{1,9}(\\.\\d{1,9})?|\\.\\d{1,9}")) {
                throw new TypeConversionException("not a ratio: \"" + value
                        + "\" (a number 0 or more, e.g. 1, 0.5 or 2.5; 0 stops when the download is complete)");
            }
            return Double.parseDouble(t);
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
