package dev.shoal.rpc.internal;

import java.util.Locale;

/**
 * Transmission's three spellings of one name: the historic kebab-case and camelCase
 * ({@code download-dir}, {@code hashString}, {@code torrent-get}) and 4.1's snake_case
 * ({@code download_dir}, {@code hash_string}, {@code torrent_get}). Every name is looked up by its
 * {@link #key}, so a client may use any of them.
 */
final class Names {

    private Names() {
    }

    /** The spelling-free form: lower case, without '-' and '_' ({@code downloaddir}). */
    static String key(String name) {
        StringBuilder key = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c != '-' && c != '_') {
                key.append(Character.toLowerCase(c));
            }
        }
        return key.toString();
    }

    /** 4.1's spelling of a historic name: {@code seedRatioLimit} and {@code seed-ratio-limit} → {@code seed_ratio_limit}. */
    static String snake(String name) {
        StringBuilder snake = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '-') {
                snake.append('_');
            } else if (Character.isUpperCase(c)) {
                snake.append('_').append(Character.toLowerCase(c));
            } else {
                snake.append(c);
            }
        }
        return snake.toString().toLowerCase(Locale.ROOT);
    }

    /** A 4.1 client names its method in snake_case, and hears the answer's keys in it too. */
    static boolean isSnake(String method) {
        return method.indexOf('_') >= 0;
    }
}
