/**
 * Searching for torrents through plugins.
 *
 * <p>A plugin registers a {@link dev.shoal.search.api.SearchProvider} service; Shoal's
 * {@link dev.shoal.search.api.SearchService} asks every registered provider at once, each on a
 * thread of its own with a time limit, and merges what they deliver into one list, de-duplicated
 * by info-hash. A provider that fails, hangs or floods is cut off alone: the others' results
 * arrive regardless and its {@link dev.shoal.search.api.ProviderOutcome} says what went wrong.
 */
@Export
@Version("1.0.0")
package dev.shoal.search.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
