package io.controlautogeneracion.pipelines;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.controlautogeneracion.pipelines.landing.LandingJob;
import io.controlautogeneracion.pipelines.landing.LandingSettings;
import io.controlautogeneracion.pipelines.testing.FlinkTestCluster;
import io.controlautogeneracion.pipelines.wind.WindJob;
import io.controlautogeneracion.pipelines.wind.WindJobSettings;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The streaming jobs restart for as long as they fail: no lifetime budget of restarts. */
class JobRestartsTest {
    @RegisterExtension static final MiniClusterExtension FLINK = FlinkTestCluster.extension();

    @Test
    void shouldKeepRestartingAJobThatFailsMoreTimesThanAnyBudgetWouldAllow() throws Exception {
        Configuration conf = new Configuration();
        new JobRestarts(Duration.ofMillis(5), Duration.ofMillis(20), 0).configure(conf);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.setParallelism(2);
        // Fails at every start up to the 25th attempt (the old budget was 10 restarts).
        env.fromSequence(1, 100).map(new FailingUntilAttempt(25)).sinkTo(new DiscardingSink<>());

        // It can only finish once every subtask has reached its 25th attempt.
        assertThatCode(() -> env.execute("fails 25 times")).doesNotThrowAnyException();
    }

    @Test
    void shouldGiveBothStreamingJobsRestartsWithoutABudgetAndTolerateFailedCheckpoints() {
        Map<String, String> env =
                Map.of(
                        "WIND_KAFKA_BOOTSTRAP", "127.0.0.1:9092",
                        "WIND_COUCHBASE_CONNECTION_STRING", "couchbase://127.0.0.1",
                        "WIND_COUCHBASE_PASSWORD", "secret",
                        "WIND_CHECKPOINT_DIR", "/tmp/no-such-wind-checkpoints",
                        "LANDING_KAFKA_BOOTSTRAP", "127.0.0.1:9092",
                        "LANDING_LANDING_DIR", "/tmp/landing",
                        "LANDING_CHECKPOINT_DIR", "/tmp/no-such-landing-checkpoints");
        Configuration wind =
                WindJob.configuration(
                        WindJobSettings.from(new JobParameters(new String[0], env, "WIND")));
        Configuration landing =
                LandingJob.configuration(
                        LandingSettings.from(new JobParameters(new String[0], env, "LANDING")));

        for (Configuration conf : new Configuration[] {wind, landing}) {
            assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY))
                    .isEqualTo("exponential-delay");
            assertThat(conf.get(RestartStrategyOptions.RESTART_STRATEGY_EXPONENTIAL_DELAY_ATTEMPTS))
                    .isEqualTo(Integer.MAX_VALUE);
            assertThat(
                            conf.get(
                                    RestartStrategyOptions
                                            .RESTART_STRATEGY_EXPONENTIAL_DELAY_MAX_BACKOFF))
                    .isEqualTo(Duration.ofMinutes(1));
            assertThat(conf.get(CheckpointingOptions.TOLERABLE_FAILURE_NUMBER)).isEqualTo(10);
        }
    }

    @Test
    void shouldRefuseAMaximumDelayShorterThanTheFirst() {
        assertThatThrownBy(() -> new JobRestarts(Duration.ofSeconds(5), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restart.initial-delay");
    }

    /** Throws when opened by any attempt before {@code attempts}; passes values on after. */
    private static final class FailingUntilAttempt extends RichMapFunction<Long, Long> {
        private final int attempts;

        FailingUntilAttempt(int attempts) {
            this.attempts = attempts;
        }

        @Override
        public void open(OpenContext openContext) {
            int attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
            if (attempt < attempts) {
                throw new IllegalStateException("failing on purpose, attempt " + attempt);
            }
        }

        @Override
        public Long map(Long value) {
            return value;
        }
    }
}
