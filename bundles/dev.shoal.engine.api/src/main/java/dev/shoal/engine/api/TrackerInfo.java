package dev.shoal.engine.api;

import java.util.Optional;

/**
 * One tracker of a torrent at one moment.
 *
 * @param url     its announce URL
 * @param working its last announce was answered
 * @param message the failure or warning it gave last, if any
 * @param peers   peers it returned last
 */
public record TrackerInfo(String url, boolean working, Optional<String> message, int peers) {
}
