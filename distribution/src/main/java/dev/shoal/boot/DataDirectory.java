package dev.shoal.boot;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where Shoal keeps its state: {@code --data-dir D} (or {@code --data-dir=D}) wins, then
 * {@code SHOAL_DATA_DIR}, then the platform's convention: {@code $XDG_DATA_HOME/shoal}
 * (default {@code ~/.local/share/shoal}) on Linux and other Unixes,
 * {@code ~/Library/Application Support/Shoal} on macOS, {@code %LOCALAPPDATA%\Shoal} on Windows.
 */
final class DataDirectory {

    static final String OPTION = "--data-dir";
    static final String ENVIRONMENT = "SHOAL_DATA_DIR";

    private DataDirectory() {
    }

    static Path resolve(String[] args, Map<String, String> env, String osName, String userHome) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            if (args[i].equals(OPTION) && i + 1 < args.length) {
                return absolute(args[i + 1]);
            }
            if (args[i].startsWith(OPTION + "=")) {
                return absolute(args[i].substring(OPTION.length() + 1));
            }
        }
        String fromEnv = env.get(ENVIRONMENT);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return absolute(fromEnv);
        }
        return platformDefault(env, osName.toLowerCase(Locale.ROOT), Path.of(userHome));
    }

    private static Path platformDefault(Map<String, String> env, String os, Path home) {
        if (os.startsWith("windows")) {
            String localAppData = env.get("LOCALAPPDATA");
            Path base = localAppData != null && !localAppData.isBlank()
                    ? Path.of(localAppData) : home.resolve("AppData").resolve("Local");
            return base.resolve("Shoal");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Shoal");
        }
        String xdg = env.get("XDG_DATA_HOME");
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        Path base = xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg) : home.resolve(".local").resolve("share");
        return base.resolve("shoal");
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }
}
