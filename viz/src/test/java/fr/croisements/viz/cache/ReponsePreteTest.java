package fr.croisements.viz.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReponsePreteTest {

    @Test
    void gzipIsAcceptedWhenListedWithAQualityAboveZero() {
        assertThat(ReponsePrete.accepteGzip("gzip, deflate, br, zstd")).isTrue();
        assertThat(ReponsePrete.accepteGzip("br;q=1.0, GZIP;q=0.5")).isTrue();
        assertThat(ReponsePrete.accepteGzip("gzip;q=0")).isFalse();
        assertThat(ReponsePrete.accepteGzip("br, identity")).isFalse();
        assertThat(ReponsePrete.accepteGzip("")).isFalse();
        assertThat(ReponsePrete.accepteGzip(null)).isFalse();
    }
}
