package org.jinto.cli;

import org.jinto.database.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * {@code migrate [--dry-run]}: applies the Flyway migrations of the storage and permission schemas (the ones the
 * server applies at startup when {@code kinto.<backend>_migrate} is true), or only lists those pending.
 */
@Command(name = "migrate", description = "Install the latest database schemas in the configured backends.")
final class MigrateCommand extends Subcommand {

    @Option(names = "--dry-run", description = "Simulate the migration operations and show information.")
    boolean dryRun;

    @Override
    public Integer call() {
        PrintWriter out = out();
        try (CommandBackends backends = cli.backends()) {
            if (backends.settings().getBoolean("kinto.readonly", false)) {
                err().println("Cannot migrate the storage and permission backends while in readonly mode.");
                return 1;
            }
            for (String kind : List.of("storage", "permission")) {
                Optional<Database> database = backends.postgresql(kind);
                if (database.isEmpty()) {
                    out.println(kind + ": memory backend, nothing to migrate.");
                } else if (dryRun) {
                    List<String> pending = database.get().pendingMigrations(kind);
                    out.println(kind + ": " + (pending.isEmpty() ? "schema up to date, no migration pending."
                            : pending.size() + " migration(s) pending: " + String.join(", ", pending)));
                } else {
                    int applied = database.get().migrate(kind, true);
                    out.println(kind + ": " + (applied == 0 ? "schema up to date, no migration pending."
                            : applied + " migration(s) applied."));
                }
            }
        }
        return 0;
    }
}
