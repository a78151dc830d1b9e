package org.jinto.plugins.attachment;

import com.adobe.testing.s3mock.S3MockApplication;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/** The attachment API on the S3 store, against Adobe's S3Mock (a real S3 API server) started in the test JVM. */
class S3AttachmentIT extends AttachmentContract {

    private static final String BUCKET = "myfiles";
    private static final S3MockApplication S3 = start();
    private static final S3Client CLIENT = S3Client.builder()
            .endpointOverride(URI.create(endpoint())).forcePathStyle(true).region(Region.US_EAST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("aws", "aws"))).build();

    private static S3MockApplication start() {
        try {
            // S3Mock is a Spring Boot application: left to itself, Spring Boot takes over java.util.logging for the
            // whole JVM, and the later tests that read Jinto's request log see no line.
            System.setProperty("org.springframework.boot.logging.LoggingSystem", "none");
            // S3Mock edits the map it is given.
            return S3MockApplication.start(new java.util.HashMap<>(Map.of(
                    S3MockApplication.PROP_HTTP_PORT, S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_HTTPS_PORT, S3MockApplication.RANDOM_PORT,
                    S3MockApplication.PROP_INITIAL_BUCKETS, BUCKET,
                    S3MockApplication.PROP_ROOT_DIRECTORY, Files.createTempDirectory("s3mock").toString(),
                    S3MockApplication.PROP_SILENT, true)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String endpoint() {
        return "http://127.0.0.1:" + S3.getHttpPort();
    }

    @BeforeEach
    void start3() {
        setUp();
    }

    @Override
    Map<String, String> storeSettings() {
        return Map.of("kinto.attachment.base_url", baseUrl(),
                "kinto.attachment.aws.endpoint_url", endpoint(),
                "kinto.attachment.aws.access_key", "aws",
                "kinto.attachment.aws.secret_key", "aws",
                "kinto.attachment.aws.bucket_name", BUCKET,
                "kinto.attachment.aws.acl", "public-read");
    }

    @Override
    String baseUrl() {
        return "https://cdn.example.org/";
    }

    @Override
    List<String> storedFiles() {
        return CLIENT.listObjectsV2Paginator(request -> request.bucket(BUCKET)).contents().stream()
                .map(S3Object::key).sorted().toList();
    }

    @Override
    byte[] read(String location) {
        return CLIENT.getObjectAsBytes(request -> request.bucket(BUCKET).key(location)).asByteArray();
    }
}
