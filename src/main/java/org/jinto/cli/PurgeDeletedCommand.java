package org.jinto.cli;

import org.jinto.storage.postgresql.TombstonePurge;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code purge-deleted <resources...> <max-retained>}, as Kinto's: deletes the tombstones of the named resources
 * but the newest {@code max-retained} of each parent (collection, bucket...), in batches committed one by one.
 * Resources may also be given comma-separated ({@code bucket,collection,record}), as an older Kinto example does.
 */
@Command(name = "purge-deleted",
        customSynopsis = "jinto purge-deleted [-hqv] [--batch-size=<batchSize>] [--ini=INI_FILE] <resources>... <max-retained>",
        description = {
        "Delete tombstones from the database, keeping the newest max-retained of each parent and resource.",
        "Clients that did not synchronise those deletions yet will miss them."})
final class PurgeDeletedCommand extends Subcommand {

    /** Kinto's core resources, which every server serves (plugins' resources are known once stored). */
    private static final Set<String> CORE_RESOURCES = Set.of("bucket", "collection", "group", "record");

    @Parameters(arity = "2..*", paramLabel = "<resources>... <max-retained>",
            description = "Resource names (bucket, collection, group, record, account, history...), then how many "
                    + "tombstones to keep per parent.")
    List<String> arguments;

    @Option(names = "--batch-size", defaultValue = "1000",
            description = "Most tombstones deleted per transaction (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Override
    public Integer call() {
        List<String> resources = arguments.subList(0, arguments.size() - 1).stream()
                .flatMap(names -> Arrays.stream(names.split(",")))
                .filter(name -> !name.isBlank())
                .toList();
        if (resources.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "No resource name given");
        }
        int maxRetained = maxRetained(arguments.get(arguments.size() - 1));
        if (batchSize <= 0) {
            throw new ParameterException(spec.commandLine(), "--batch-size must be positive, got " + batchSize);
        }
        PrintWriter out = out();
        try (CommandBackends backends = cli.backends()) {
            TombstonePurge purge = backends.tombstonePurge();
            Set<String> known = new TreeSet<>(CORE_RESOURCES);
            known.addAll(purge.resourceNames());
            List<String> unknown = resources.stream().filter(name -> !known.contains(name)).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("Unknown resource(s) " + String.join(", ", unknown)
                        + "; known here: " + String.join(", ", known));
            }
            out.println("Keep only " + maxRetained + " tombstones per parent and resource.");
            long total = 0;
            for (String resource : resources) {
                long deleted = purge.keepNewest(resource, maxRetained, batchSize);
                out.println(resource + ": " + deleted + " tombstone(s) deleted.");
                total += deleted;
            }
            out.println(total + " tombstone(s) deleted.");
        }
        return 0;
    }

    private int maxRetained(String value) {
        try {
            int maxRetained = Integer.parseInt(value.strip());
            if (maxRetained >= 0) {
                return maxRetained;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw new ParameterException(spec.commandLine(),
                "max-retained (the last argument) must be a non-negative integer, got '" + value + "'");
    }
}
