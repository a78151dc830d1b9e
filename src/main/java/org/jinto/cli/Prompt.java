package org.jinto.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;

/** Asks the user for values: on the console when there is one (secrets not echoed), else from the given input. */
final class Prompt {

    private final Console console;
    private final BufferedReader input;
    private final PrintWriter out;

    Prompt(Console console, BufferedReader input, PrintWriter out) {
        this.console = console;
        this.input = input;
        this.out = out;
    }

    /** The answer, or null at the end of the input. */
    String line(String question) throws IOException {
        if (console != null) {
            return console.readLine("%s", question);
        }
        out.print(question);
        out.flush();
        return input.readLine();
    }

    /** The answer, not echoed on a console; null at the end of the input. */
    String secret(String question) throws IOException {
        if (console != null) {
            char[] secret = console.readPassword("%s", question);
            return secret == null ? null : new String(secret);
        }
        return line(question);
    }
}
