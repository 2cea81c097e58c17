package dev.shoal.storage.api;

import dev.shoal.metainfo.Metainfo;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/** Opens torrents' storage. One service serves every torrent; each open torrent has its own state. */
@ProviderType
public interface StorageService {

    /**
     * Opens a torrent's storage with the service's configured options.
     *
     * @see #open(Metainfo, Path, Path, StorageOptions, PieceListener)
     */
    TorrentStorage open(Metainfo torrent, Path downloadDirectory, Path resumeFile, PieceListener listener)
            throws StorageException;

    /**
     * Opens a torrent's storage. Returns at once: the startup check (trusting the resume file, or a
     * full recheck when it is missing, corrupt or does not match the files) runs on the storage's
     * disk thread and {@link TorrentStorage#ready()} completes when it is done.
     *
     * @param torrent           a v1 or hybrid torrent (v2-only torrents have no v1 piece hashes and
     *                          are refused for now)
     * @param downloadDirectory every file goes under it; created when missing
     * @param resumeFile        where fast-resume data is read from and saved to
     * @param options           allocation, queue bound, resume interval, open-file limit
     * @param listener          told about every piece that passes or fails its hash
     * @throws StorageException PATH_UNSAFE when a file's path would leave the download directory,
     *                          PERMISSION or IO when the directory cannot be created
     */
    TorrentStorage open(Metainfo torrent, Path downloadDirectory, Path resumeFile, StorageOptions options,
            PieceListener listener) throws StorageException;

    /**
     * Deletes a torrent's files from its download directory, then the torrent's folders left empty,
     * then its resume file: nothing else. Paths map to the disk as {@link #open} maps them, and are
     * refused the same way: a path that would leave the download directory (by '..', an absolute path
     * or a symlinked folder) is not followed, and a file that is a symbolic link is left alone. The
     * torrent must not be open. Files already gone are fine.
     *
     * @param resumeFile its resume file, or null to keep it
     * @throws StorageException after trying every file, naming the first that could not be deleted
     *                          and how many could not
     * @since 1.1
     */
    void delete(Metainfo torrent, Path downloadDirectory, Path resumeFile) throws StorageException;

    /**
     * Moves a torrent's files from where {@code torrent} puts them under {@code downloadDirectory} to
     * where {@code target} puts them under {@code targetDirectory}: file {@code i} of one to file
     * {@code i} of the other (the two differ in their paths only, as after a file or folder of the
     * torrent was renamed). A file is renamed on the same file system; across file systems it is copied,
     * compared with the original and only then deleted there. Folders of the torrent left empty at the
     * old place are deleted. Files not on disk are skipped. Paths are checked as {@link #open} checks
     * them, on both sides. The torrent must not be open; its resume file stays valid.
     *
     * @throws StorageException naming the file, when a target exists already or a file cannot be moved;
     *                          what was moved is moved back first, so the data stays where it was
     * @since 1.3
     */
    void move(Metainfo torrent, Path downloadDirectory, Metainfo target, Path targetDirectory)
            throws StorageException;
}
