package io.controlautogeneracion.pipelines.wind;

import io.controlautogeneracion.pipelines.JobCheckpoints;
import io.controlautogeneracion.pipelines.JobParameters;
import java.time.Clock;
import java.time.Duration;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The wind job: {@code sensor-wind} readings → event-time watermarks bounded by the broker's clock
 * → RichSensorWind (catalog enrichment) → 1-second windows per anemometer ({@code wind_reading}) →
 * alarm episodes over the closed seconds, and silent sensors over the readings ({@code wind_alarm})
 * → WriteSensorWind (exactly-once Kafka). Source, catalog and sinks come in through the
 * constructor, so tests run the same wiring against their own.
 */
public final class WindJob {
    private static final Logger LOG = LoggerFactory.getLogger(WindJob.class);

    /**
     * Where the checkpoints of this job's operators go, under {@code --checkpoint.dir}. It changes
     * when the operators' state changes shape, so the first start of such a version does not try
     * (and fail, at every restart) to restore its predecessor's checkpoints: it starts from the
     * offsets the predecessor last committed instead.
     */
    static final String STATE_LAYOUT = "layout-2";

    private final Source<WindArrival, ?, ?> source;
    private final WindCatalog.Factory catalog;
    private final Sink<WindSecond> readingSink;
    private final Sink<WindAlarm> alarmSink;
    private final WindJobSettings settings;

    public WindJob(
            Source<WindArrival, ?, ?> source,
            WindCatalog.Factory catalog,
            Sink<WindSecond> readingSink,
            Sink<WindAlarm> alarmSink,
            WindJobSettings settings) {
        this.source = source;
        this.catalog = catalog;
        this.readingSink = readingSink;
        this.alarmSink = alarmSink;
        this.settings = settings;
    }

    /** The job with its real Kafka source and sinks and the Couchbase catalog. */
    public static WindJob fromSettings(WindJobSettings s) {
        return fromSettings(s, s.catalogFactory());
    }

    /** The job with its real Kafka source and sinks and the given catalog. */
    public static WindJob fromSettings(WindJobSettings s, WindCatalog.Factory catalog) {
        return new WindJob(
                kafkaSource(s),
                catalog,
                WriteSensorWind.readings(
                        s.kafkaBootstrap(),
                        s.kafkaProperties(),
                        s.windReadingTopic(),
                        s.transactionalIdPrefix(),
                        s.transactionTimeout()),
                WriteSensorWind.alarms(
                        s.kafkaBootstrap(),
                        s.kafkaProperties(),
                        s.windAlarmTopic(),
                        s.transactionalIdPrefix(),
                        s.transactionTimeout()),
                s);
    }

    /** Adds the job's operators to {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<WindArrival> readings =
                env.fromSource(source, watermarks(settings), "sensor-wind")
                        .uid("sensor-wind-source");
        // Ordered: a device's readings keep their Kafka order, so alarm rows are the same on
        // replay; with a warm cache lookups complete at once and nothing waits behind them. A
        // partition's idle mark waits behind its readings still with the catalog.
        DataStream<EnrichedWindReading> enriched =
                OrderedIdleAsyncWaitOperator.orderedWait(
                                readings,
                                new RichSensorWind(
                                        catalog,
                                        settings.defaultThresholds(),
                                        settings.catalogRetry()),
                                settings.asyncTimeout().toMillis(),
                                settings.asyncCapacity(),
                                TypeInformation.of(EnrichedWindReading.class))
                        .name("RichSensorWind")
                        .uid("rich-sensor-wind");
        DataStream<WindSecond> seconds = perSecond(enriched);
        seconds.sinkTo(readingSink).name("WriteSensorWind wind_reading").uid("write-wind-reading");
        alarms(seconds, enriched, settings)
                .sinkTo(alarmSink)
                .name("WriteSensorWind wind_alarm")
                .uid("write-wind-alarm");
    }

    /** 1-second tumbling event-time windows per anemometer: the {@code wind_reading} rows. */
    public static SingleOutputStreamOperator<WindSecond> perSecond(
            DataStream<EnrichedWindReading> enriched) {
        return enriched.keyBy(EnrichedWindReading::windId)
                .window(TumblingEventTimeWindows.of(Duration.ofSeconds(1)))
                .aggregate(new WindSecondAggregate(), new WindSecondRow())
                .name("wind seconds")
                .uid("wind-seconds");
    }

    /**
     * The {@code wind_alarm} rows: wind episodes per anemometer over its closed seconds, and silent
     * sensors over its readings as they arrive.
     */
    public static DataStream<WindAlarm> alarms(
            DataStream<WindSecond> seconds,
            DataStream<EnrichedWindReading> enriched,
            WindJobSettings s) {
        DataStream<WindAlarm> episodes =
                seconds.keyBy(WindSecond::windId)
                        .process(new WindAlarms(new WindEpisodes(s.clearRatio(), s.calmPeriod())))
                        .name("wind alarms")
                        .uid("wind-alarms");
        DataStream<WindAlarm> silent =
                enriched.keyBy(EnrichedWindReading::windId)
                        .process(new SilentSensors(new SilenceWatch(s.silenceAfter())))
                        .name("silent sensors")
                        .uid("silent-sensors");
        return episodes.union(silent);
    }

    static WatermarkStrategy<WindArrival> watermarks(WindJobSettings s) {
        return new BrokerBoundedWatermarks(
                        s.outOfOrderness(), s.maxDeliveryDelay(), s.deliveryDelayMemory())
                .withIdleness(s.idleness());
    }

    static KafkaSource<WindArrival> kafkaSource(WindJobSettings s) {
        KafkaSourceBuilder<WindArrival> builder = KafkaSource.<WindArrival>builder();
        s.kafkaProperties().forEach(builder::setProperty);
        return builder.setBootstrapServers(s.kafkaBootstrap())
                .setTopics(s.readingsTopic())
                .setGroupId(s.groupId())
                // A first start reads the topic from the beginning; later ones resume from state.
                .setStartingOffsets(
                        OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new WindReadingDeserializer(Clock.systemUTC()))
                .build();
    }

    /**
     * Checkpoints (exactly once, retained on cancel, on the local filesystem or any Flink file
     * system URI), restarts without a lifetime budget ({@link
     * io.controlautogeneracion.pipelines.JobRestarts}) and, when asked, the newest retained
     * checkpoint to resume from.
     */
    public static Configuration configuration(WindJobSettings s) {
        Configuration conf = new Configuration();
        JobCheckpoints.configure(
                conf,
                checkpointDir(s.checkpointDir()),
                s.checkpointInterval(),
                s.resumeFromLatest());
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 3);
        conf.set(StateBackendOptions.STATE_BACKEND, "hashmap");
        s.restarts().configure(conf);
        // Every type on the wire is a POJO or record: fail at submission rather than fall back to
        // Kryo silently.
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        // Chained operators pass records on without a copy: every record type is immutable and
        // no operator keeps a mutable input.
        conf.set(PipelineOptions.OBJECT_REUSE, true);
        if (s.parallelism() > 0) {
            conf.set(
                    org.apache.flink.configuration.CoreOptions.DEFAULT_PARALLELISM,
                    s.parallelism());
        }
        return conf;
    }

    /** The checkpoints of this version's operators: {@link #STATE_LAYOUT} under {@code dir}. */
    public static String checkpointDir(String dir) {
        return dir.replaceAll("/+$", "") + "/" + STATE_LAYOUT;
    }

    public static void main(String[] args) throws Exception {
        WindJobSettings settings =
                WindJobSettings.from(new JobParameters(args, System.getenv(), "WIND"));
        LOG.info("starting the wind job: {}", settings);
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment(configuration(settings));
        fromSettings(settings).build(env);
        env.execute("wind: RichSensorWind -> WriteSensorWind");
    }
}
