package dev.shoal.shell.internal.args;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A command's arguments split into options and operands.
 *
 * <p>Gogo's own {@code @Parameter} options cannot repeat ({@code --tracker A --tracker B}), pass
 * unknown options on as operands, and turn a missing value into "Cannot coerce ..."; commands
 * take {@code String...} and parse here instead, so every mistake ends in one line and the usage.
 * Options are long ({@code --dir D} or {@code --dir=D}); {@code --} ends them.
 */
public final class Args {

    private final Map<String, List<String>> options;
    private final List<String> operands;

    private Args(Map<String, List<String>> options, List<String> operands) {
        this.options = options;
        this.operands = operands;
    }

    /**
     * What a command accepts.
     *
     * @param usage       the synopsis, e.g. {@code shoal:add <file|url> [--dir D] [--paused]}
     * @param flags       options without a value
     * @param valued      options with a value (may repeat)
     * @param minOperands fewest operands
     * @param maxOperands most operands
     */
    public record Spec(String usage, Set<String> flags, Set<String> valued, int minOperands, int maxOperands) {

        public Spec {
            flags = Set.copyOf(flags);
            valued = Set.copyOf(valued);
        }

        public static Spec of(String usage, int minOperands, int maxOperands) {
            return new Spec(usage, Set.of(), Set.of(), minOperands, maxOperands);
        }

        public Spec flags(String... names) {
            return new Spec(usage, Set.of(names), valued, minOperands, maxOperands);
        }

        public Spec valued(String... names) {
            return new Spec(usage, flags, Set.of(names), minOperands, maxOperands);
        }

        /** A failure of this command's arguments: the problem, then the usage. */
        public ShellException misuse(String problem) {
            return new ShellException(problem + "; usage: " + usage);
        }
    }

    public static Args parse(Spec spec, String... argv) {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> operands = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < argv.length; i++) {
            String arg = String.valueOf(argv[i]);
            if (optionsEnded || !arg.startsWith("--")) {
                if (!optionsEnded && arg.length() > 1 && arg.startsWith("-") && !Character.isDigit(arg.charAt(1))) {
                    throw spec.misuse("unknown option " + arg);
                }
                operands.add(arg);
                continue;
            }
            if (arg.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg : arg.substring(0, equals);
            if (spec.flags().contains(name)) {
                if (equals >= 0) {
                    throw spec.misuse(name + " takes no value");
                }
                options.computeIfAbsent(name, n -> new ArrayList<>()).add("true");
            } else if (spec.valued().contains(name)) {
                String value;
                if (equals >= 0) {
                    value = arg.substring(equals + 1);
                } else if (i + 1 < argv.length) {
                    value = String.valueOf(argv[++i]);
                } else {
                    throw spec.misuse(name + " needs a value");
                }
                options.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
            } else {
                throw spec.misuse("unknown option " + name);
            }
        }
        if (operands.size() < spec.minOperands()) {
            throw spec.misuse(operands.isEmpty() ? "missing arguments" : "too few arguments");
        }
        if (operands.size() > spec.maxOperands()) {
            throw spec.misuse("too many arguments");
        }
        return new Args(options, operands);
    }

    public boolean flag(String name) {
        return options.containsKey(name);
    }

    /** The option's value; the last one when it was given more than once. */
    public Optional<String> value(String name) {
        List<String> values = options.get(name);
        return values == null ? Optional.empty() : Optional.of(values.get(values.size() - 1));
    }

    /** Every value of a repeatable option, in order. */
    public List<String> values(String name) {
        return List.copyOf(options.getOrDefault(name, List.of()));
    }

    /** Whether any option was given at all. */
    public boolean hasOptions() {
        return !options.isEmpty();
    }

    public List<String> operands() {
        return List.copyOf(operands);
    }

    public String operand(int index) {
        return operands.get(index);
    }
}
