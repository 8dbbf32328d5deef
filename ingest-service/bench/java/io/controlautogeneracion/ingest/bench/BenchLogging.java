package io.controlautogeneracion.ingest.bench;

import org.jboss.logmanager.Level;
import org.jboss.logmanager.LogContext;
import org.jboss.logmanager.Logger;
import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

/**
 * Logging of a benchmark's own JVM, where the Kafka broker, the stand-ins and the clients log
 * through SLF4J to JBoss LogManager. Nothing configures it there (it is not the JVM's log manager,
 * as it is in the service): its root logger would be at {@code ALL} with no handler, so every
 * library builds its debug and trace messages, to drop them. MongoDB's stand-in alone wrote each
 * insert command it received as JSON for a debug line: about 40 % of its CPU.
 */
final class BenchLogging {

    private BenchLogging() {}

    /** Info and above for every logger; warnings and errors to the console. */
    static void configure() {
        Logger root = LogContext.getLogContext().getLogger("");
        root.setLevel(Level.INFO);
        ConsoleHandler console =
                new ConsoleHandler(
                        ConsoleHandler.Target.SYSTEM_ERR,
                        new PatternFormatter("%d{HH:mm:ss,SSS} %-5p [%c] %s%e%n"));
        console.setLevel(Level.WARN);
        root.addHandler(console);
    }
}
