package org.jinto.cli;

import org.jinto.api.cache.Cache;
import picocli.CommandLine.Command;

import java.util.Optional;

/**
 * {@code flush-cache}: clears the configured cache. A Redis cache loses the keys under {@code kinto.cache_prefix}
 * only (as the server's own flush); a memory cache lives inside each server process, out of the command's reach.
 */
@Command(name = "flush-cache", description = "Clear the content of the cache backend.")
final class FlushCacheCommand extends Subcommand {

    @Override
    public Integer call() {
        try (CommandBackends backends = cli.backends()) {
            Optional<Cache> cache = backends.cache();
            if (cache.isEmpty()) {
                err().println("kinto.cache_backend = memory: the cache lives inside each server "
                        + "process, a command cannot flush it (restarting a server empties its cache).");
                return 1;
            }
            cache.get().flush();
            out().println("Cache has been cleared.");
        }
        return 0;
    }
}
