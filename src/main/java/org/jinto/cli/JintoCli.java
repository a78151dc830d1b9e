package org.jinto.cli;

import org.jinto.api.Settings;
import org.jinto.settings.SettingsProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Jinto's maintenance commands, as Kinto's command line ({@code kinto migrate}, {@code purge-deleted},
 * {@code create-user}, {@code flush-cache}): they run against the databases and cache that the settings name,
 * chosen as the server chooses them, with no server running. The launcher calls {@link #execute} in a class loader
 * over the web application ({@code java -jar jinto-launcher.jar <exploded WAR> <command> ...}).
 */
@Command(name = "jinto", description = "Jinto maintenance commands (Kinto's command line).",
        subcommands = {MigrateCommand.class, PurgeDeletedCommand.class, CreateUserCommand.class,
                FlushCacheCommand.class})
public final class JintoCli implements Runnable {

    private static final Logger LOG = Logger.getLogger(JintoCli.class.getName());

    @Option(names = "--ini", paramLabel = "INI_FILE", scope = ScopeType.INHERIT,
            description = "Application configuration file (default: KINTO_INI, -Dkinto.ini, else server-config/kinto.ini).")
    Path ini;

    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Show only critical errors.")
    boolean quiet;

    @Option(names = {"-v", "--debug"}, scope = ScopeType.INHERIT,
            description = "Show all messages, including debug messages.")
    boolean debug;

    @Option(names = {"-h", "--help"}, usageHelp = true, scope = ScopeType.INHERIT, description = "Show this help.")
    boolean help;

    @Spec
    CommandSpec spec;

    private final Supplier<?> embeddedDatabase;
    private final BufferedReader input;

    /**
     * @param embeddedDatabase answers the database URL to use when {@code kinto.<backend>_url} is unset (the
     *                         launcher's embedded PostgreSQL), or null
     * @param input            where prompted answers are read from when there is no console
     */
    JintoCli(Supplier<?> embeddedDatabase, BufferedReader input) {
        this.embeddedDatabase = embeddedDatabase;
        this.input = input;
    }

    public static void main(String[] args) {
        System.exit(execute(args, () -> null));
    }

    /** Runs one command on the standard streams; answers its exit status (0 on success, 2 for bad arguments). */
    public static int execute(String[] args, Supplier<?> embeddedDatabase) {
        // One line per log record, as Kinto's "%(levelname)-5.5s  %(message)s", unless configured otherwise.
        System.getProperties().putIfAbsent("java.util.logging.SimpleFormatter.format", "%4$-7s %5$s%6$s%n");
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
        return new JintoCli(embeddedDatabase, stdin).run(args, new PrintWriter(System.out, true),
                new PrintWriter(System.err, true));
    }

    int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine commandLine = new CommandLine(this);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(parsed -> {
            configureLogging();
            return new CommandLine.RunLast().execute(parsed);
        });
        commandLine.setExecutionExceptionHandler((e, failed, parsed) -> {
            LOG.log(Level.FINE, "Command failed", e);
            failed.getErr().println("Error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        });
        return commandLine.execute(args);
    }

    /** Without a command: a usage error. */
    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing command: "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** The settings as the server reads them, from {@code --ini} when given. */
    Settings settings() {
        return ini == null ? SettingsProducer.load(null) : SettingsProducer.fromFile(ini);
    }

    CommandBackends backends() {
        return new CommandBackends(settings(), embeddedDatabase);
    }

    BufferedReader input() {
        return input;
    }

    private void configureLogging() {
        if (quiet || debug) {
            Level level = quiet ? Level.SEVERE : Level.FINE;
            Logger root = Logger.getLogger("");
            root.setLevel(level);
            for (Handler handler : root.getHandlers()) {
                handler.setLevel(level);
            }
        }
    }
}
