package dev.shoal.cli.internal;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import dev.shoal.metainfo.FileEntry;
import dev.shoal.metainfo.InfoHash;
import dev.shoal.metainfo.MagnetLink;
import dev.shoal.metainfo.Metainfo;

/** {@code shoal info --json} for scripts: one JSON object; absent facts are null, never left out. */
final class TorrentJson {

    private static final JsonFactory FACTORY = new JsonFactory();

    private TorrentJson() {
    }

    static void write(Metainfo torrent, Writer out) throws IOException {
        try (JsonGenerator json = generator(out)) {
            json.writeStartObject();
            json.writeStringField("name", torrent.name());
            json.writeStringField("version", torrent.version().name().toLowerCase(Locale.ROOT));
            json.writeStringField("infoHashV1", hex(torrent.infoHashV1()));
            json.writeStringField("infoHashV2", hex(torrent.infoHashV2()));
            json.writeNumberField("totalSize", torrent.totalLength());
            json.writeNumberField("pieceLength", torrent.pieceLength());
            json.writeNumberField("pieceCount", torrent.pieceCount());
            json.writeBooleanField("singleFile", torrent.singleFile());
            json.writeBooleanField("private", torrent.isPrivate());
            json.writeStringField("creationDate", torrent.creationDate().map(Object::toString).orElse(null));
            json.writeStringField("createdBy", torrent.createdBy().orElse(null));
            json.writeStringField("comment", torrent.comment().orElse(null));
            json.writeStringField("source", torrent.source().orElse(null));
            json.writeArrayFieldStart("trackers");
            for (List<String> tier : torrent.trackers()) {
                writeStrings(json, tier);
            }
            json.writeEndArray();
            json.writeFieldName("webSeeds");
            writeStrings(json, torrent.webSeeds());
            json.writeArrayFieldStart("files");
            for (FileEntry file : torrent.files()) {
                json.writeStartObject();
                json.writeStringField("path", file.relativePath());
                json.writeNumberField("length", file.length());
                json.writeNumberField("offset", file.offset());
                json.writeBooleanField("padding", file.isPadding());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeFieldName("warnings");
            writeStrings(json, torrent.warnings());
            json.writeEndObject();
        }
    }

    static void write(MagnetLink magnet, Writer out) throws IOException {
        try (JsonGenerator json = generator(out)) {
            json.writeStartObject();
            json.writeBooleanField("magnet", true);
            json.writeStringField("name", magnet.displayName().orElse(null));
            json.writeStringField("infoHashV1", hex(magnet.infoHashV1()));
            json.writeStringField("infoHashV2", hex(magnet.infoHashV2()));
            json.writeFieldName("trackers");
            writeStrings(json, magnet.trackers());
            json.writeFieldName("webSeeds");
            writeStrings(json, magnet.webSeeds());
            json.writeFieldName("peers");
            writeStrings(json, magnet.peers().stream().map(Object::toString).toList());
            json.writeArrayFieldStart("selectOnly");
            for (int index : magnet.selectOnly()) {
                json.writeNumber(index);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    private static JsonGenerator generator(Writer out) throws IOException {
        JsonGenerator json = FACTORY.createGenerator(out);
        json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        json.useDefaultPrettyPrinter();
        return json;
    }

    private static void writeStrings(JsonGenerator json, List<String> values) throws IOException {
        json.writeStartArray();
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    private static String hex(Optional<InfoHash> hash) {
        return hash.map(InfoHash::hex).orElse(null);
    }
}
