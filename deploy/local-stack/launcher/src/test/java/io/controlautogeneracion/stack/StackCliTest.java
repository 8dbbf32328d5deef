package io.controlautogeneracion.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/**
 * The answers of {@code ./stack} to bad input: one line naming the problem and the valid choices,
 * exit code 2, and nothing started or run.
 */
class StackCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = StackCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''                                       | a command is needed | the commands are"
                        + " up, down, status",
                "start                                    | start               | the commands are"
                        + " up, down, status",
                "up foo                                   | Unmatched argument at index 1: 'foo' |"
                    + " PART one of kafka, druid, mongodb, couchbase, catalog, ingest, wind-job,"
                    + " landing-job, hourly-batch, simulator, dashboards",
                "up Kafka                                 | 'Kafka' | wind-job",
                "batch --form 2026-11-28T00:00:00Z        | --form              | the options are"
                        + " --hour H, --from F, --to T, --include-open",
                "batch --hour 2026-11-28                  | '2026-11-28' is not an ISO-8601 instant"
                        + " | --hour H",
                "batch --hour 2026-11-28T13:05:00Z        | 2026-11-28T13:05:00Z is not the start"
                        + " of an hour (2026-11-28T13:00:00Z is) | --hour H",
                "batch --hour                             | --hour              | --hour H",
                "batch --from 2026-11-28T00:00:00Z        | --to                | --to T",
                "batch --from 2026-11-28T05:00:00Z --to 2026-11-28T01:00:00Z | is not before --to |"
                        + " --from F",
                "batch --hour 2026-11-28T01:00:00Z --from 2026-11-28T00:00:00Z --to"
                        + " 2026-11-28T02:00:00Z | mutually exclusive | --hour H",
                "audit --include-open                     | --include-open      | the options are"
                        + " --hour H, --from F, --to T",
                "energy 2026-11-28T00:00:00Z              | 2026-11-28T00:00:00Z | the options are"
                        + " --hour H",
                "samples 0                                | N must be 1 to 10000, got 0 | then N",
                "samples many                             | many                | then N",
                "down now                                 | now                 | it takes no"
                        + " arguments",
                "dashboards --open                        | --open              | it takes no"
                        + " arguments",
            })
    void shouldAnswerBadInputWithOneLineAndExitCodeTwo(
            String line, String problem, String choices) {
        String[] args = line.isEmpty() ? new String[0] : line.split(" +");

        int code = run(args);

        assertThat(code).isEqualTo(StackCli.USAGE);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains(problem).contains(choices).contains("--help");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void shouldGiveHelpForEveryCommand() {
        for (String command :
                new String[] {
                    "up",
                    "down",
                    "status",
                    "figures",
                    "dashboards",
                    "samples",
                    "batch",
                    "audit",
                    "energy"
                }) {
            out.getBuffer().setLength(0);
            assertThat(run(command, "--help")).isZero();
            assertThat(out.toString()).startsWith("Usage: stack " + command);
        }
        out.getBuffer().setLength(0);
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("up", "batch", "energy", "dashboards");
    }
}
