package io.controlautogeneracion.pipelines.landing;

import io.controlautogeneracion.model.reading.DeviceKind;
import io.controlautogeneracion.pipelines.JobCheckpoints;
import io.controlautogeneracion.pipelines.JobParameters;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.Encoder;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.filesystem.OutputFileConfig;
import org.apache.flink.streaming.api.functions.sink.filesystem.rollingpolicies.OnCheckpointRollingPolicy;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The landing job: {@code panel} and {@code sensor-light} messages → validated → JSON-lines files
 * per topic and event hour ({@code <dir>/<topic>/dt=YYYY-MM-DD/hour=HH/}), written exactly once by
 * a FileSink that commits on checkpoints; an hour is closed with {@code _SUCCESS} once the
 * watermark passes its end plus the allowed lateness and its files are committed. Source and sink
 * come in through the constructor so tests run the same wiring.
 */
public final class LandingJob {
    private static final Logger LOG = LoggerFactory.getLogger(LandingJob.class);

    private final Source<LandedLine, ?, ?> source;
    private final Sink<LandedLine> sink;
    private final LandingSettings settings;

    public LandingJob(
            Source<LandedLine, ?, ?> source, Sink<LandedLine> sink, LandingSettings settings) {
        this.source = source;
        this.sink = sink;
        this.settings = settings;
    }

    public static LandingJob fromSettings(LandingSettings s) {
        return new LandingJob(kafkaSource(s), fileSink(s.landingDir()), s);
    }

    public void build(StreamExecutionEnvironment env) {
        long lateness = settings.allowedLateness().toMillis();
        DataStream<LandedLine> lines =
                env.fromSource(source, watermarks(settings), "landing topics")
                        .uid("landing-source")
                        .process(new ValidLines(lateness))
                        .name("valid lines")
                        .uid("valid-lines");
        lines.sinkTo(sink).name("hour files").uid("hour-files");
        lines.keyBy(LandedLine::topic)
                .process(new PartitionCloser(settings.landingDir(), lateness))
                .name("close hours")
                .uid("close-hours");
    }

    static WatermarkStrategy<LandedLine> watermarks(LandingSettings s) {
        // An invalid message's timestamp may be far in the future: it must not move the watermark.
        return WatermarkStrategy.<LandedLine>forBoundedOutOfOrderness(s.outOfOrderness())
                .withTimestampAssigner((l, previous) -> l.valid() ? l.eventTime() : 0L)
                .withIdleness(s.idleness());
    }

    public static FileSink<LandedLine> fileSink(String dir) {
        Encoder<LandedLine> encoder =
                (line, out) -> {
                    out.write(line.json().getBytes(StandardCharsets.UTF_8));
                    out.write('\n');
                };
        return FileSink.forRowFormat(
                        new org.apache.flink.core.fs.Path(JobCheckpoints.uri(dir)), encoder)
                .withBucketAssigner(new HourBucketAssigner())
                .withRollingPolicy(OnCheckpointRollingPolicy.build())
                .withOutputFileConfig(
                        OutputFileConfig.builder()
                                .withPartPrefix("part")
                                .withPartSuffix(".json")
                                .build())
                .build();
    }

    static KafkaSource<LandedLine> kafkaSource(LandingSettings s) {
        KafkaSourceBuilder<LandedLine> builder = KafkaSource.<LandedLine>builder();
        s.kafkaProperties().forEach(builder::setProperty);
        return builder.setBootstrapServers(s.kafkaBootstrap())
                .setTopics(s.panelTopic(), s.lightTopic())
                .setGroupId(s.groupId())
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(
                        new LandingDeserializer(
                                Map.of(
                                        s.panelTopic(), DeviceKind.PANEL,
                                        s.lightTopic(), DeviceKind.LIGHT),
                                Clock.systemUTC()))
                .build();
    }

    /**
     * Exactly-once checkpoints retained on cancel (resumes from the newest one when asked), and
     * restarts without a lifetime budget.
     */
    public static Configuration configuration(LandingSettings s) {
        Configuration conf = new Configuration();
        JobCheckpoints.configure(
                conf, s.checkpointDir(), s.checkpointInterval(), s.resumeFromLatest());
        s.restarts().configure(conf);
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        return conf;
    }

    public static void main(String[] args) throws Exception {
        LandingSettings settings =
                LandingSettings.from(new JobParameters(args, System.getenv(), "LANDING"));
        LOG.info("starting the landing job: {}", settings);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(configuration(settings));
        fromSettings(settings).build(env);
        env.execute("landing: panel, sensor-light -> hour files");
    }
}
