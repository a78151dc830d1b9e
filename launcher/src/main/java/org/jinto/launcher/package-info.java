/**
 * The embedded Tomcat launcher: runs a Jinto WAR with an embedded PostgreSQL (the run command, the HTTP tests, the
 * benchmarks) and the maintenance commands.
 */
package org.jinto.launcher;
