package org.jinto.plugins.attachment;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * An uploaded file copied to a temporary file as it streams in, with its SHA-256 and size: never held in memory,
 * and given to the file store (S3 needs the length before the first byte) once the upload is known to be valid.
 */
final class SpooledFile implements AutoCloseable {

    /** The file exceeds the size limit: raised as soon as one byte too many is read. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;
        final long limit;

        TooLarge(long limit) {
            super("More than " + limit + " bytes");
            this.limit = limit;
        }
    }

    private final Path path;
    private final String sha256;
    private final long size;

    private SpooledFile(Path path, String sha256, long size) {
        this.path = path;
        this.sha256 = sha256;
        this.size = size;
    }

    /** Copies {@code in} to a temporary file, reading at most {@code maxBytes} + 1 bytes (0: no limit). */
    static SpooledFile copy(InputStream in, long maxBytes) throws IOException {
        Path path = Files.createTempFile("jinto-attachment", ".part");
        MessageDigest digest = sha256();
        long size = 0;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(path), digest)) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) != -1) {
                size += read;
                if (maxBytes > 0 && size > maxBytes) {
                    throw new TooLarge(maxBytes);
                }
                out.write(buffer, 0, read);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
        return new SpooledFile(path, HexFormat.of().formatHex(digest.digest()), size);
    }

    /** This file gzipped, in another temporary file. */
    SpooledFile gzipped() throws IOException {
        Path target = Files.createTempFile("jinto-attachment", ".gz");
        MessageDigest digest = sha256();
        try (OutputStream out = new GZIPOutputStream(new DigestOutputStream(Files.newOutputStream(target), digest))) {
            Files.copy(path, out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(target);
            throw e;
        }
        return new SpooledFile(target, HexFormat.of().formatHex(digest.digest()), Files.size(target));
    }

    Path path() {
        return path;
    }

    String sha256Hex() {
        return sha256;
    }

    long size() {
        return size;
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
