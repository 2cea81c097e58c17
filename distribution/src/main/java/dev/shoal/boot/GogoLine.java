package dev.shoal.boot;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Words from the shell, as one Gogo command line. A word with a space (a file name, mostly) was one
 * word to the user, so it is quoted to stay one; other words pass as typed, so that {@code |},
 * {@code ;} and {@code $x} keep their Gogo meaning. A single word is a whole command line the user
 * quoted ({@code shoal cli 'shoal:list | grep ubuntu'}) and passes as typed.
 */
final class GogoLine {

    private static final Pattern NEEDS_QUOTES = Pattern.compile("\\s");

    private GogoLine() {
    }

    static String join(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        StringBuilder line = new StringBuilder();
        for (String word : words) {
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(quote(word));
        }
        return line.toString();
    }

    /**
     * Single quotes are literal in Gogo; a word that holds one goes in double quotes instead, with
     * what is special there ({@code \ " $}) escaped.
     */
    static String quote(String word) {
        if (!word.isEmpty() && !NEEDS_QUOTES.matcher(word).find()) {
            return word;
        }
        return literal(word);
    }

    /**
     * {@code word} quoted whatever it holds: a path or link is data, never Gogo syntax ({@code &} in
     * a URL's query would start a background job, {@code $} a variable).
     */
    static String literal(String word) {
        if (word.indexOf('\'') < 0) {
            return "'" + word + "'";
        }
        return '"' + word.replace("\\", "\\\\").replace("\"", "\\\"").replace("$", "\\$") + '"';
    }
}
