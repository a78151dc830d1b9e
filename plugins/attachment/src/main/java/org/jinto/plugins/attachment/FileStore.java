package org.jinto.plugins.attachment;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Where attached files are kept, by location (a relative path such as {@code b/c/1f2e.png}); the implementations
 * are CDI beans named with {@link org.jinto.api.BackendName} ({@code local}, {@code s3}), picked by {@link FileStores}.
 */
public interface FileStore {

    /** Stores the content of {@code file} at {@code location}, replacing what is there. */
    void save(String location, Path file, String contentType) throws IOException;

    /** Removes the file at {@code location}; no error if there is none. */
    void delete(String location) throws IOException;

    /** Whether a file is stored at {@code location}. */
    boolean exists(String location) throws IOException;
}
