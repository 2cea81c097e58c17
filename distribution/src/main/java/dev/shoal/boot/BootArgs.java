package dev.shoal.boot;

import java.util.ArrayList;
import java.util.List;

/**
 * The program arguments as the boot code sees them: the options before the command, the command
 * word, and what follows it. Only {@code --data-dir} matters here; the rest is the command's.
 *
 * @param before  the options before the command (the framework's command line parses them again)
 * @param command the first word that is not an option; null when there is none ({@code shoal --help})
 * @param after   everything after the command word
 */
record BootArgs(List<String> before, String command, List<String> after) {

    static BootArgs parse(String[] args) {
        List<String> before = new ArrayList<>();
        int i = 0;
        while (i < args.length && args[i].startsWith("-") && !args[i].equals("--")) {
            before.add(args[i]);
            if (args[i].equals(DataDirectory.OPTION) && i + 1 < args.length) {
                before.add(args[++i]);
            }
            i++;
        }
        if (i >= args.length || args[i].equals("--")) {
            return new BootArgs(List.copyOf(before), null, List.of());
        }
        return new BootArgs(List.copyOf(before), args[i], List.of(args).subList(i + 1, args.length));
    }

    /** {@code --data-dir D} and {@code --data-dir=D} taken out of {@code args}, and what is left. */
    record Split(List<String> dataDirOptions, List<String> others) {
    }

    /**
     * Takes the {@code --data-dir} options out of {@code args}: all of them, or only those at its start
     * (for {@code cli}, whose later words are a Gogo command's own).
     */
    static Split splitDataDir(List<String> args, boolean leadingOnly) {
        List<String> dataDir = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            boolean stillLeading = others.isEmpty() || !leadingOnly;
            if (stillLeading && arg.equals(DataDirectory.OPTION) && i + 1 < args.size()) {
                dataDir.add(arg);
                dataDir.add(args.get(++i));
            } else if (stillLeading && arg.startsWith(DataDirectory.OPTION + "=")) {
                dataDir.add(arg);
            } else {
                others.add(arg);
            }
        }
        return new Split(List.copyOf(dataDir), List.copyOf(others));
    }

    /** The arguments that name the data directory: the options before the command, then {@code extra}. */
    String[] dataDirArgs(List<String> extra) {
        List<String> all = new ArrayList<>(before);
        all.addAll(extra);
        return all.toArray(String[]::new);
    }
}
