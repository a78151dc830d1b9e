package org.jinto.plugins.attachment;

import jakarta.servlet.http.HttpServletRequest;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.core.FileUploadException;
import org.apache.commons.fileupload2.core.FileUploadSizeException;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.jinto.api.http.Errno;
import org.jinto.api.http.KintoException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The multipart body of an upload, read part by part from the request stream (commons-fileupload's streaming API):
 * the {@code attachment} file is spooled to a temporary file, checked against the extension rules before it is read
 * and against the size limit while it is read; the other parts are small form fields.
 *
 * @param file         the spooled attachment, null if the form has no {@code attachment} file
 * @param filename     its name, as posted
 * @param partType     its part's {@code Content-Type}, null if none
 * @param filenameless the {@code attachment} field came as a form field, without a filename
 * @param fields       the other form fields, by name
 * @param fileFields   names of the other parts that came as files
 */
record UploadForm(SpooledFile file, String filename, String partType, boolean filenameless,
                  Map<String, String> fields, List<String> fileFields) implements AutoCloseable {

    static final String FILE_FIELD = "attachment";
    /** Form fields (record data, permissions) are JSON objects: as Kinto's JSON body limit. */
    private static final int MAX_FIELD_BYTES = 8 * 1024 * 1024;

    /**
     * @param maxRequestBytes the server's limit on the whole body (413 beyond it)
     * @param maxFileBytes    the attachment's limit (kinto-attachment's 400), 0 for none
     */
    static UploadForm read(HttpServletRequest request, FileRules rules, long maxRequestBytes, long maxFileBytes) {
        JakartaServletFileUpload<?, ?> upload = new JakartaServletFileUpload<>();
        upload.setSizeMax(maxRequestBytes);
        SpooledFile file = null;
        String filename = null;
        String partType = null;
        boolean filenameless = false;
        Map<String, String> fields = new LinkedHashMap<>();
        List<String> fileFields = new ArrayList<>();
        try {
            FileItemInputIterator parts = upload.getItemIterator(request);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                String name = part.getFieldName();
                boolean isFile = part.getName() != null && !part.getName().isEmpty();
                if (FILE_FIELD.equals(name) && file == null) {
                    if (!isFile) {
                        filenameless = true;
                        continue;
                    }
                    filename = part.getName();
                    if (!rules.allows(filename)) {
                        throw Attachments.invalidBody("File extension is not allowed.");
                    }
                    partType = part.getContentType();
                    try (InputStream in = part.getInputStream()) {
                        file = SpooledFile.copy(in, maxFileBytes);
                    }
                } else if (isFile) {
                    fileFields.add(name);
                } else {
                    fields.put(name, field(part));
                }
            }
        } catch (SpooledFile.TooLarge e) {
            throw Attachments.invalidBody("File size exceeds the limit (" + e.limit + " bytes).");
        } catch (FileUploadSizeException e) {
            throw tooLarge(maxRequestBytes);
        } catch (FileUploadException e) {
            throw invalidMultipart(e);
        } catch (IOException e) {
            if (e.getCause() instanceof FileUploadSizeException) {
                throw tooLarge(maxRequestBytes);
            }
            throw invalidMultipart(e);
        } catch (RuntimeException e) {
            closeQuietly(file);
            throw e;
        }
        return new UploadForm(file, filename, partType, filenameless, fields, fileFields);
    }

    private static String field(FileItemInput part) throws IOException {
        try (InputStream in = part.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_FIELD_BYTES + 1);
            if (bytes.length > MAX_FIELD_BYTES) {
                throw new KintoException(413, Errno.REQUEST_TOO_LARGE, "Request Entity Too Large",
                        "Form field too large (limit: " + MAX_FIELD_BYTES + " bytes)");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The body exceeds the server's limit: Kinto's 413 errno 113, as for a JSON body. */
    private static KintoException tooLarge(long limit) {
        return new KintoException(413, Errno.REQUEST_TOO_LARGE, "Request Entity Too Large",
                "Request body too large (limit: " + limit + " bytes)");
    }

    /** kinto-attachment answers a body that cannot be parsed with 400 errno 107 and the parser's message. */
    private static KintoException invalidMultipart(Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new KintoException(400, Errno.INVALID_PARAMETERS, "Invalid parameters", reason);
    }

    private static void closeQuietly(SpooledFile file) {
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // A temporary file left behind: the system's temporary folder is cleaned eventually.
            }
        }
    }

    @Override
    public void close() {
        closeQuietly(file);
    }
}
