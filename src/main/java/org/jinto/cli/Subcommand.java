package org.jinto.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A command of {@link JintoCli}: answers its exit status, writes to the streams the command line was given. */
abstract class Subcommand implements Callable<Integer> {

    @ParentCommand
    JintoCli cli;

    @Spec
    CommandSpec spec;

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
