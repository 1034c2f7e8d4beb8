package fr.croisements.streams.indicateurs;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.streams.kstream.Windows;
import org.apache.kafka.streams.kstream.internals.TimeWindow;

/**
 * Tumbling one-week windows aligned on ISO weeks: Monday 00:00 to the next Monday 00:00, in UTC.
 *
 * <p>Kafka's {@code TimeWindows} align on the epoch (1970-01-01, a Thursday), so a 7-day
 * {@code TimeWindows} would cut weeks on Thursdays. Windows are in UTC because a window store
 * needs a fixed size; French local weeks start 1 or 2 hours earlier, when no bin is collected.
 */
public final class SemainesIso extends Windows<TimeWindow> {

    public static final long SEMAINE_MS = Duration.ofDays(7).toMillis();
    /** 1970-01-05T00:00Z, the first Monday after the epoch. */
    private static final long PREMIER_LUNDI_MS = Duration.ofDays(4).toMillis();

    private final long graceMs;

    private SemainesIso(Duration grace) {
        this.graceMs = grace.toMillis();
    }

    public static SemainesIso avecGrace(Duration grace) {
        return new SemainesIso(grace);
    }

    /** Start (Monday 00:00 UTC) of the week holding {@code timestampMs}. */
    public static long debut(long timestampMs) {
        return Math.floorDiv(timestampMs - PREMIER_LUNDI_MS, SEMAINE_MS) * SEMAINE_MS + PREMIER_LUNDI_MS;
    }

    public static Instant debut(Instant instant) {
        return Instant.ofEpochMilli(debut(instant.toEpochMilli()));
    }

    @Override
    public Map<Long, TimeWindow> windowsFor(long timestamp) {
        long start = debut(timestamp);
        return Map.of(start, new TimeWindow(start, start + SEMAINE_MS));
    }

    @Override
    public long size() {
        return SEMAINE_MS;
    }

    @Override
    public long gracePeriodMs() {
        return graceMs;
    }
}
