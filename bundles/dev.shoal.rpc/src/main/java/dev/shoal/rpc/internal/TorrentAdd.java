package dev.shoal.rpc.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shoal.engine.api.AddMagnet;
import dev.shoal.engine.api.AddTorrent;
import dev.shoal.engine.api.Engine;
import dev.shoal.engine.api.EngineException;
import dev.shoal.engine.api.Torrent;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.InvalidTorrentException;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;
import dev.shoal.support.torrent.TorrentSource;
import dev.shoal.support.torrent.TorrentSourceException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code torrent-add}: {@code filename} (a path on this machine, an http(s) URL or a magnet link)
 * or {@code metainfo} (the .torrent's bytes in base64), into {@code download-dir} (or {@code location}), maybe
 * {@code paused}, with the files' wanted flags and priorities, {@code labels} and the idle seeding
 * limit ({@code seedIdleLimit}, {@code seedIdleMode}). A torrent already there is answered
 * as {@code torrent-duplicate}, with success, as Transmission does.
 */
final class TorrentAdd implements RpcMethod {

    private final Engine engine;
    private final TorrentSource source;

    TorrentAdd(Engine engine, TorrentSource source) {
        this.engine = engine;
        this.source = source;
    }

    @Override
    public ObjectNode call(Arguments arguments, boolean snake) throws RpcException {
        Unsupported.refuse(arguments, Unsupported.TORRENT_ADD);
        Optional<String> filename = arguments.string("filename");
        Optional<String> metainfo = arguments.string("metainfo");
        if (filename.isPresent() == metainfo.isPresent()) {
            throw new RpcException("torrent-add needs either 'filename' or 'metainfo'");
        }
        Optional<Path> directory = directory(arguments);
        boolean paused = arguments.bool("paused").orElse(false);
        FileChoices files = FileChoices.read(arguments);
        Optional<List<String>> labels = arguments.strings("labels");
        OptionalLong idleMinutes = arguments.integer("seedIdleLimit");
        OptionalLong idleMode = arguments.integer("seedIdleMode");
        IdleModes.check(idleMinutes, idleMode);
        boolean idle = idleMinutes.isPresent() || idleMode.isPresent();
        Optional<MagnetLink> magnet = filename.isPresent() ? magnet(filename.get()) : Optional.empty();
        if (magnet.isPresent()) {
            if (files.any() || labels.isPresent() || idle) {
                throw new RpcException("a magnet link's files, labels and idle limit cannot be set before its"
                        + " metadata: set them later with torrent-set");
            }
            Optional<Torrent> duplicate = engine.torrent(magnet.get().infoHash());
            if (duplicate.isPresent()) {
                return answer(snake, "torrent-duplicate", duplicate.get());
            }
            AddMagnet request = engine.defaults(magnet.get()).withPaused(paused);
            AddMagnet chosen = directory.map(request::withDownloadDirectory).orElse(request);
            return added(snake, magnet.get().infoHash(), () -> engine.add(chosen));
        }
        Metainfo torrent = filename.isPresent() ? load(filename.get()) : decode(metainfo.get());
        InfoHash infoHash = torrent.infoHash();
        Optional<Torrent> duplicate = engine.torrent(infoHash);
        if (duplicate.isPresent()) {
            return answer(snake, "torrent-duplicate", duplicate.get());
        }
        // Files, labels and the idle limit are set before the torrent starts, so that nothing unwanted is
        // fetched meanwhile; one the engine refuses takes the torrent away again, so a refusal adds nothing.
        boolean choose = files.any() || labels.isPresent() || idle;
        AddTorrent request = engine.defaults(torrent).withPaused(paused || choose);
        AddTorrent chosen = directory.map(request::withDownloadDirectory).orElse(request);
        ObjectNode answer = added(snake, infoHash, () -> engine.add(chosen));
        if (choose) {
            Torrent added = engine.torrent(infoHash).orElseThrow(() -> new RpcException("the torrent was removed"
                    + " while being added"));
            try {
                files.check(added);
                if (labels.isPresent()) {
                    TorrentPlaces.engineCall(() -> added.setLabels(labels.get()));
                }
                if (idle) {
                    TorrentPlaces.engineCall(() -> added.setIdleLimit(IdleModes.apply(added, idleMinutes, idleMode)));
                }
            } catch (RpcException e) {
                added.remove();
                throw new RpcException(e.getMessage() + "; the torrent is not added");
            }
            files.apply(added);
            if (!paused) {
                added.resume();
            }
        }
        return answer;
    }

    /**
     * {@code download-dir}, or {@code location} (torrent-set's name for it, which some clients send on
     * adding too); both only when they agree.
     */
    private static Optional<Path> directory(Arguments arguments) throws RpcException {
        Optional<Path> directory = arguments.folder("download-dir");
        Optional<Path> location = arguments.folder("location");
        if (directory.isPresent() && location.isPresent() && !directory.equals(location)) {
            throw new RpcException("'download-dir' and 'location' name two folders: give one");
        }
        return directory.or(() -> location);
    }

    private static Optional<MagnetLink> magnet(String filename) throws RpcException {
        try {
            return TorrentSource.magnet(filename);
        } catch (TorrentSourceException e) {
            throw new RpcException(e.getMessage());
        }
    }

    private Metainfo load(String filename) throws RpcException {
        try {
            return source.load(filename, Path.of("").toAbsolutePath());
        } catch (TorrentSourceException e) {
            throw new RpcException(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RpcException("interrupted while reading " + filename);
        }
    }

    private static Metainfo decode(String base64) throws RpcException {
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new RpcException("'metainfo' is not base64: " + e.getMessage());
        }
        try {
            return Metainfo.parse(bytes);
        } catch (InvalidTorrentException e) {
            throw new RpcException("'metainfo' is not a valid torrent: " + e.getMessage());
        }
    }

    /** An engine call that adds. */
    private interface Addition {
        Torrent add() throws EngineException;
    }

    private ObjectNode added(boolean snake, InfoHash infoHash, Addition addition) throws RpcException {
        try {
            return answer(snake, "torrent-added", addition.add());
        } catch (EngineException e) {
            // Added meanwhile by someone else: that is a duplicate, not a failure.
            Optional<Torrent> duplicate = engine.torrent(infoHash);
            if (duplicate.isPresent()) {
                return answer(snake, "torrent-duplicate", duplicate.get());
            }
            throw new RpcException(e.getMessage());
        }
    }

    private static ObjectNode answer(boolean snake, String key, Torrent torrent) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("id", torrent.id());
        object.put("name", torrent.status().name());
        object.put(snake ? "hash_string" : "hashString", torrent.infoHash().hex());
        ObjectNode answer = JsonNodeFactory.instance.objectNode();
        answer.set(snake ? Names.snake(key) : key, object);
        return answer;
    }
}
