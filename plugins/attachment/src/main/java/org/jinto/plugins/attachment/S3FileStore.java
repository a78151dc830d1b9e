package org.jinto.plugins.attachment;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jinto.api.BackendName;
import org.jinto.api.Settings;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.net.URI;
import java.nio.file.Path;

/**
 * Files in the S3 bucket {@code kinto.attachment.aws.bucket_name} (pyramid_storage's S3 storage), through the AWS
 * SDK; {@code kinto.attachment.aws.endpoint_url} points it at an S3-compatible store (MinIO, Ceph), addressed by
 * path. Without keys, the SDK's default credentials (environment, IAM role) apply.
 */
@ApplicationScoped
@BackendName("s3")
public class S3FileStore implements FileStore {

    @Inject
    Settings settings;

    private S3Client client;

    @Override
    public void save(String location, Path file, String contentType) {
        AttachmentSettings config = AttachmentSettings.from(settings);
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(bucket(config)).key(location)
                .contentType(contentType);
        config.get("aws.acl").ifPresent(acl -> put.acl(ObjectCannedACL.fromValue(acl)));
        client(config).putObject(put.build(), RequestBody.fromFile(file));
    }

    @Override
    public void delete(String location) {
        AttachmentSettings config = AttachmentSettings.from(settings);
        client(config).deleteObject(request -> request.bucket(bucket(config)).key(location));
    }

    @Override
    public boolean exists(String location) {
        AttachmentSettings config = AttachmentSettings.from(settings);
        try {
            client(config).headObject(HeadObjectRequest.builder().bucket(bucket(config)).key(location).build());
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static String bucket(AttachmentSettings config) {
        return config.get("aws.bucket_name").orElseThrow(
                () -> new IllegalStateException("Setting kinto.attachment.aws.bucket_name is required"));
    }

    private synchronized S3Client client(AttachmentSettings config) {
        if (client == null) {
            S3ClientBuilder builder = S3Client.builder().httpClient(UrlConnectionHttpClient.create())
                    .region(Region.of(config.get("aws.region").orElse("us-east-1")));
            if (config.get("aws.access_key").isPresent()) {
                builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        config.get("aws.access_key").get(), config.get("aws.secret_key").orElse(""))));
            } else {
                builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
            }
            config.get("aws.endpoint_url").ifPresent(url -> builder.endpointOverride(URI.create(url))
                    .forcePathStyle(true));
            client = builder.build();
        }
        return client;
    }

    @PreDestroy
    synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
