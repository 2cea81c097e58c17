package dev.shoal.boot;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code shoal --install-desktop} and {@code --uninstall-desktop}: a freedesktop.org entry for the
 * current user, so menus list Shoal and file managers and browsers hand it {@code .torrent} files and
 * magnet links. Plain JDK and files only; the desktop's own tools are run when they are installed.
 */
final class DesktopEntry {

    static final String INSTALL = "--install-desktop";
    static final String UNINSTALL = "--uninstall-desktop";
    static final String FILE_NAME = "shoal.desktop";
    static final List<String> MIME_TYPES = List.of("application/x-bittorrent", "x-scheme-handler/magnet");
    /** Set by the {@code shoal} script to its own path: the entry then runs the script, JVM options and all. */
    static final String LAUNCHER_ENV = "SHOAL_LAUNCHER";
    /** The window class SWT gives the main window once the display's app name is "Shoal". */
    static final String WM_CLASS = "Shoal";

    private static final String ICON = "shoal";
    /** Characters that make an Exec argument need quoting (Desktop Entry Specification, "The Exec key"). */
    private static final String RESERVED = " \t\n\"'\\><~|&;$*?#()`";

    private final Path dataHome;
    private final DesktopTools tools;
    private final PrintStream out;

    DesktopEntry(Path dataHome, DesktopTools tools, PrintStream out) {
        this.dataHome = dataHome;
        this.tools = tools;
        this.out = out;
    }

    /** The option when {@code args} asks for one of these two; they take no other argument. */
    static Optional<String> requested(String[] args) {
        return args.length > 0 && (args[0].equals(INSTALL) || args[0].equals(UNINSTALL))
                ? Optional.of(args[0]) : Optional.empty();
    }

    /** The whole command, for {@link Main}: installs or uninstalls for the user running it. */
    static int run(String[] args, Map<String, String> env, String userHome, PrintStream out, PrintStream err) {
        if (args.length != 1) {
            err.println("shoal: " + args[0] + " takes no other arguments");
            return 2;
        }
        DesktopEntry entry = new DesktopEntry(dataHome(env, userHome), new DesktopTools(env), out);
        try {
            if (args[0].equals(UNINSTALL)) {
                entry.uninstall();
            } else {
                entry.install(exec(env.get(LAUNCHER_ENV), RunningJar.location()));
            }
            return 0;
        } catch (IOException | IllegalArgumentException e) {
            err.println("shoal: " + args[0] + " failed: " + e.getMessage());
            return 1;
        }
    }

    /** $XDG_DATA_HOME, or ~/.local/share when it is unset, empty or relative (the Base Directory spec). */
    static Path dataHome(Map<String, String> env, String userHome) {
        String value = env.get("XDG_DATA_HOME");
        if (value != null && !value.isEmpty() && Path.of(value).isAbsolute()) {
            return Path.of(value);
        }
        return Path.of(userHome, ".local", "share");
    }

    Path applications() {
        return dataHome.resolve("applications");
    }

    Path desktopFile() {
        return applications().resolve(FILE_NAME);
    }

    Path svgIcon() {
        return dataHome.resolve("icons/hicolor/scalable/apps").resolve(ICON + ".svg");
    }

    Path pngIcon() {
        return dataHome.resolve("icons/hicolor/256x256/apps").resolve(ICON + ".png");
    }

    void install(String exec) throws IOException {
        write(desktopFile(), content(exec).getBytes(StandardCharsets.UTF_8));
        write(svgIcon(), resource(ICON + ".svg"));
        write(pngIcon(), resource(ICON + ".png"));
        out.println(tools.run("update-desktop-database", "desktop-file-utils", applications().toString()));
        out.println(tools.run("xdg-mime", "xdg-utils", "default", FILE_NAME, MIME_TYPES.get(0), MIME_TYPES.get(1)));
    }

    void uninstall() throws IOException {
        for (Path file : List.of(desktopFile(), svgIcon(), pngIcon())) {
            out.println((Files.deleteIfExists(file) ? "removed " : "not there: ") + file);
        }
        out.println(tools.run("update-desktop-database", "desktop-file-utils", applications().toString()));
        // xdg-mime has no "unset"; an association naming a missing entry is ignored by the desktop.
    }

    /** The entry's text; {@code exec} is the Exec value without its field code. */
    static String content(String exec) {
        return String.join("\n",
                "[Desktop Entry]",
                "Type=Application",
                "Version=1.4",
                "Name=Shoal",
                "GenericName=BitTorrent Client",
                "Comment=Download and share files with BitTorrent",
                "Exec=" + exec + " %U",
                "Icon=" + ICON,
                "Terminal=false",
                "Categories=Network;FileTransfer;P2P;",
                "MimeType=" + String.join(";", MIME_TYPES) + ";",
                "Keywords=torrent;magnet;download;share;",
                "StartupNotify=true",
                "StartupWMClass=" + WM_CLASS,
                "");
    }

    /** The command the entry runs: the {@code shoal} script when it started us, else {@code java -jar}. */
    static String exec(String launcher, Path jar) {
        if (launcher != null && !launcher.isEmpty()) {
            return quote(Path.of(launcher).toAbsolutePath().normalize().toString());
        }
        return "java -jar " + quote(jar.toAbsolutePath().normalize().toString());
    }

    /**
     * One Exec argument as the Desktop Entry Specification wants it: double-quoted when it holds a
     * reserved character (with {@code " ` $ \} escaped inside), {@code %} doubled, and then every
     * backslash doubled again because the whole value is a string with its own escapes.
     */
    static String quote(String argument) {
        if (argument.chars().anyMatch(c -> c < 0x20 && c != '\t' || c == 0x7f)) {
            throw new IllegalArgumentException("a desktop entry cannot run a path with a line break or control"
                    + " character: " + argument.replaceAll("\\p{Cntrl}", "?"));
        }
        String arg = argument.replace("%", "%%");
        if (arg.chars().anyMatch(c -> RESERVED.indexOf(c) >= 0)) {
            StringBuilder quoted = new StringBuilder("\"");
            for (char c : arg.toCharArray()) {
                if (c == '"' || c == '`' || c == '$' || c == '\\') {
                    quoted.append('\\');
                }
                quoted.append(c);
            }
            arg = quoted.append('"').toString();
        }
        return arg.replace("\\", "\\\\");
    }

    private void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(temp, content);
        // Menus watch these folders: let them see only a whole file.
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        out.println("wrote " + file);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = DesktopEntry.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the jar");
            }
            return in.readAllBytes();
        }
    }
}
