package fr.croisements.streams.indicateurs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SemainesIsoTest {

    @Test
    void weeksStartOnMondayMidnightUtc() {
        Instant lundi = Instant.parse("2025-01-06T00:00:00Z");
        assertThat(SemainesIso.debut(Instant.parse("2025-01-08T10:00:00Z"))).isEqualTo(lundi);
        assertThat(SemainesIso.debut(lundi)).isEqualTo(lundi);
        assertThat(SemainesIso.debut(Instant.parse("2025-01-12T23:59:59Z"))).isEqualTo(lundi);
        assertThat(SemainesIso.debut(Instant.parse("2025-01-13T00:00:00Z"))).isEqualTo(Instant.parse("2025-01-13T00:00:00Z"));
    }

    @Test
    void worksBeforeTheEpoch() {
        assertThat(SemainesIso.debut(Instant.parse("1969-12-31T12:00:00Z"))).isEqualTo(Instant.parse("1969-12-29T00:00:00Z"));
    }

    @Test
    void givesOneWindowOfSevenDaysWithItsGrace() {
        var windows = SemainesIso.avecGrace(Duration.ofDays(2));
        var w = windows.windowsFor(Instant.parse("2025-01-08T10:00:00Z").toEpochMilli());
        assertThat(w).hasSize(1);
        var window = w.values().iterator().next();
        assertThat(window.startTime()).isEqualTo(Instant.parse("2025-01-06T00:00:00Z"));
        assertThat(window.endTime()).isEqualTo(Instant.parse("2025-01-13T00:00:00Z"));
        assertThat(windows.gracePeriodMs()).isEqualTo(Duration.ofDays(2).toMillis());
    }
}
