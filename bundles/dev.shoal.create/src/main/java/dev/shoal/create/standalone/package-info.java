/**
 * Making v1 torrents, with no OSGi: {@link dev.shoal.create.standalone.StandaloneTorrentCreator}
 * is the one public class, the rest is package-private.
 *
 * <p>Private wherever it is: {@code dev.shoal.create} wraps it in the {@code TorrentCreator} service,
 * {@code dev.shoal.cli} embeds it with bnd's {@code -conditionalpackage} (as the bundles embed
 * {@code dev.shoal.support}), so that {@code shoal create} needs no service, and other modules'
 * tests make their torrents with it. No bundle imports it, so updating {@code dev.shoal.create}
 * never asks for a refresh.
 */
package dev.shoal.create.standalone;
