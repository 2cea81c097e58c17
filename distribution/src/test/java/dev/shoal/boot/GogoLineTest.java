package dev.shoal.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class GogoLineTest {

    @Test
    void plainWordsPassAsTyped() {
        assertEquals("lb | grep shoal ; echo $x", GogoLine.join(List.of("lb", "|", "grep", "shoal", ";", "echo", "$x")));
    }

    @Test
    void aWordWithASpaceStaysOneWord() {
        assertEquals("shoal:add '/home/ann/My Torrents/a b.torrent' --paused",
                GogoLine.join(List.of("shoal:add", "/home/ann/My Torrents/a b.torrent", "--paused")));
        assertEquals("echo 'tab\there'", GogoLine.join(List.of("echo", "tab\there")));
        assertEquals("echo ''", GogoLine.join(List.of("echo", "")), "an empty word is still a word");
    }

    @Test
    void aSingleWordIsAWholeCommandLine() {
        assertEquals("shoal:list | grep ubuntu", GogoLine.join(List.of("shoal:list | grep ubuntu")));
    }

    @Test
    void aWordWithASpaceAndAQuoteGoesInDoubleQuotes() {
        assertEquals("\"Ann's \\\"best\\\" \\$5 \\\\ files\"", GogoLine.quote("Ann's \"best\" $5 \\ files"));
    }
}
