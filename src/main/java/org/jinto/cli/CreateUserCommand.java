package org.jinto.cli;

import static org.jinto.api.Jsonp.JSON;

import jakarta.json.JsonObject;
import org.jinto.accounts.AccountType;
import org.jinto.api.Settings;
import org.jinto.api.storage.ObjectNotFoundException;
import org.jinto.auth.AccountCredentialsCache;
import org.jinto.auth.AccountPolicy;
import org.jinto.auth.Passwords;
import org.jinto.permission.postgresql.PostgresqlPermission;
import org.jinto.database.Transactions;
import org.jinto.database.UnitOfWork;
import org.jinto.storage.postgresql.PostgresqlStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * {@code create-user [-u USERNAME] [-p PASSWORD]}, as Kinto's accounts plugin: stores the account (its bcrypt
 * password hash) and makes it its own owner ({@code write} on {@code /accounts/<id>}), as an account created over
 * HTTP; an existing account gets the new password. Missing values are prompted for; exit status 51 on a readonly
 * server, 52 without the accounts plugin, 53 when the input ends before the answers, as Kinto's.
 */
@Command(name = "create-user", description = "Create a user account of the accounts plugin, or reset its password.")
final class CreateUserCommand extends Subcommand {

    static final int READONLY = 51;
    static final int NO_ACCOUNTS_PLUGIN = 52;
    static final int ABORTED = 53;

    @Option(names = {"-u", "--username"}, description = "The account id (prompted for when missing).")
    String username;

    @Option(names = {"-p", "--password"}, description = "Its password (prompted for twice, not echoed, when missing).")
    String password;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = out();
        PrintWriter err = err();
        try (CommandBackends backends = cli.backends()) {
            Settings settings = backends.settings();
            if (settings.getBoolean("kinto.readonly", false)) {
                err.println("Cannot create a user with a readonly server.");
                return READONLY;
            }
            if (!settings.getList("kinto.includes").contains(AccountType.PLUGIN)) {
                err.println("Cannot create a user when the accounts plugin is not installed.");
                return NO_ACCOUNTS_PLUGIN;
            }
            Prompt prompt = new Prompt(System.console(), cli.input(), out);
            while (!AccountType.validId(username)) {
                if (username != null) {
                    out.println(username + " is not a valid username.");
                    out.println("Username should match " + AccountType.idPattern() + ", please try again.");
                }
                username = prompt.line("Username: ");
                if (username == null) {
                    return aborted(err);
                }
            }
            while (password == null) {
                String first = prompt.secret("Please enter a password for " + username + ": ");
                String confirmation = first == null ? null : prompt.secret("Please confirm the password: ");
                if (confirmation == null) {
                    return aborted(err);
                }
                if (first.equals(confirmation)) {
                    password = first;
                } else {
                    out.println("Sorry, passwords do not match, please try again.");
                }
            }
            out.println("Creating user '" + username + "'");
            if (store(backends, Passwords.hash(password))) {
                forgetVerifiedPassword(backends, out);
            }
        }
        return 0;
    }

    /** Writes the account and its owner permission in one transaction; answers whether it existed already. */
    private boolean store(CommandBackends backends, String passwordHash) {
        PostgresqlStorage storage = backends.storage();
        PostgresqlPermission permission = backends.permission();
        JsonObject account = JSON.createObjectBuilder().add("id", username).add("password", passwordHash).build();
        try (UnitOfWork unit = Transactions.begin()) {
            boolean existed = exists(storage);
            storage.update(AccountPolicy.RESOURCE_NAME, username, username, account);
            permission.addPrincipalToAce("/accounts/" + username, "write", AccountPolicy.NAME + ":" + username);
            unit.commit();
            return existed;
        }
    }

    private boolean exists(PostgresqlStorage storage) {
        try {
            storage.get(AccountPolicy.RESOURCE_NAME, username, username);
            return true;
        } catch (ObjectNotFoundException e) {
            return false;
        }
    }

    /** Servers remember recently verified passwords (kinto.account_cache_ttl_seconds): the old one must go. */
    private void forgetVerifiedPassword(CommandBackends backends, PrintWriter out) {
        backends.cache().ifPresentOrElse(
                cache -> new AccountCredentialsCache(backends.settings(), cache).invalidate(username),
                () -> out.println("Password replaced. With the memory cache, a running server accepts the previous "
                        + "one as long as it is used within kinto.account_cache_ttl_seconds: restart it to end that."));
    }

    private static int aborted(PrintWriter err) {
        err.println("User creation aborted");
        return ABORTED;
    }
}
