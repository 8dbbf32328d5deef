package io.controlautogeneracion.stack;

import io.controlautogeneracion.stack.drill.FaultDrill;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code ./stack drill}: the fault drill's options, checked, then {@link FaultDrill}. */
@Command(
        name = "drill",
        mixinStandardHelpOptions = true,
        description = {
            "The fault drill on the running stack: a fleet of its own sends at --rate while"
                    + " each part in turn is killed with SIGKILL and restarted through the stack;"
                    + " then MongoDB, the landing files and Druid's wind seconds are checked"
                    + " against what Kafka holds, and the reports audited.",
            "Prints per part killed: time until healthy, until every consumer caught up, and"
                    + " what each store lost or duplicated. Exit code 1 on any loss,"
                    + " duplicate or audit violation."
        })
final class DrillCommand extends StackCli.StackCommand {
    /** The parts the drill can kill, by the names {@code up} uses. */
    static final class DrillParts implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return FaultDrill.PARTS.stream().map(StackCli.PartNames::name).iterator();
        }
    }

    @Option(
            names = "--rate",
            paramLabel = "N",
            defaultValue = "2000",
            description = "messages per second the drill's fleet sends (default ${DEFAULT-VALUE})")
    int rate;

    @Option(
            names = "--parts",
            paramLabel = "PART",
            split = ",",
            converter = StackCli.PartConverter.class,
            completionCandidates = DrillParts.class,
            description = "parts to kill, in this order (default: ${COMPLETION-CANDIDATES})")
    List<Engine> parts;

    @Option(
            names = "--warm-up",
            paramLabel = "D",
            defaultValue = "PT30S",
            description = "sending before the first kill (ISO-8601, default ${DEFAULT-VALUE})")
    Duration warmUp;

    @Option(
            names = "--pause",
            paramLabel = "D",
            defaultValue = "PT15S",
            description = "between a part's recovery and the next kill (default ${DEFAULT-VALUE})")
    Duration pause;

    @Option(
            names = "--timeout",
            paramLabel = "D",
            defaultValue = "PT5M",
            description = "longest wait for a recovery or a store (default ${DEFAULT-VALUE})")
    Duration timeout;

    @Override
    public Integer call() throws InterruptedException {
        if (rate < 100 || rate > 20_000) {
            throw new ParameterException(
                    spec.commandLine(), "--rate must be 100 to 20000, got " + rate);
        }
        List<Engine> order = parts == null ? FaultDrill.PARTS : parts;
        for (Engine engine : order) {
            if (!FaultDrill.PARTS.contains(engine)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "the drill cannot kill "
                                + StackCli.PartNames.name(engine)
                                + "; it kills "
                                + String.join(", ", new DrillParts()));
            }
        }
        return new FaultDrill(config(), out())
                .run(new FaultDrill.Options(rate, order, warmUp, pause, timeout));
    }
}
