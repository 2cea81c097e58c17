package dev.shoal.distribution.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.shoal.test.support.SystemProgram;
import dev.shoal.test.support.Processes;

/**
 * What Transmission 3.00's {@code transmission-show} says about a torrent, parsed from its text:
 * <pre>
 *   Name: src
 *   Hash: 2867e24e1a6e0b17b74a372a0dc4c193c3ad371f
 *   Comment: ...
 *   Piece Count: 6
 *   Privacy: Private torrent
 * TRACKERS / WEBSEEDS / FILES sections, one entry per indented line ("src/a.bin (100.0 kB)").
 * </pre>
 *
 * @param files paths as it prints them: the torrent's name, then the path inside it
 */
record TransmissionShow(String name, String hash, long pieceCount, boolean isPrivate, String comment,
        List<String> trackers, List<String> webSeeds, List<String> files, String output) {

    private static final Pattern FIELD = Pattern.compile("^  ([A-Za-z ]+): (.*)$");
    private static final Pattern FILE = Pattern.compile("^(.*) \\([^()]*\\)$");

    static TransmissionShow of(Path torrent) {
        Path program = SystemProgram.require("transmission-show");
        Processes.Result result = Processes.run(List.of(program.toString(), torrent.toString()), Shoal.TIMEOUT)
                .assertSuccess();
        return parse(result);
    }

    private static TransmissionShow parse(Processes.Result result) {
        String name = null;
        String hash = null;
        long pieceCount = -1;
        Boolean isPrivate = null;
        String comment = null;
        List<String> trackers = new ArrayList<>();
        List<String> webSeeds = new ArrayList<>();
        List<String> files = new ArrayList<>();
        String section = "";
        for (String line : result.stdout().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (!line.startsWith(" ")) {
                section = line.strip();
                continue;
            }
            String entry = line.strip();
            switch (section) {
                case "GENERAL":
                    Matcher field = FIELD.matcher(line);
                    if (!field.matches()) {
                        break;
                    }
                    String value = field.group(2);
                    switch (field.group(1)) {
                        case "Name": name = value; break;
                        case "Hash": hash = value; break;
                        case "Piece Count": pieceCount = Long.parseLong(value); break;
                        case "Privacy": isPrivate = value.startsWith("Private"); break;
                        case "Comment": comment = value; break;
                        default: break;
                    }
                    break;
                case "TRACKERS":
                    if (!entry.startsWith("Tier #")) {
                        trackers.add(entry);
                    }
                    break;
                case "WEBSEEDS":
                    webSeeds.add(entry);
                    break;
                case "FILES":
                    Matcher file = FILE.matcher(entry);
                    files.add(file.matches() ? file.group(1) : entry);
                    break;
                default:
                    break;
            }
        }
        if (hash == null || name == null || pieceCount < 0 || isPrivate == null) {
            fail("cannot read transmission-show's output\n" + result.describe());
        }
        return new TransmissionShow(name, hash, pieceCount, isPrivate, comment,
                List.copyOf(trackers), List.copyOf(webSeeds), List.copyOf(files), result.stdout());
    }
}
