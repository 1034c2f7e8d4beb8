package fr.croisements.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

class RocksDBBorneeTest {

    @Test
    void lesReglagesDuPipelineBornentRocksDB() {
        var props = new StreamsSettings("localhost:9092", "essai", Path.of("etat"), 1, null).toProperties();

        assertThat(props.get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(RocksDBBornee.class);
    }

    @Test
    void tousLesStoresPartagentLesMemesMemtablesBornees() {
        try (var a = new Options(); var b = new Options()) {
            // as Kafka Streams hands them to the setter
            a.setTableFormatConfig(new BlockBasedTableConfig());
            b.setTableFormatConfig(new BlockBasedTableConfig());
            new RocksDBBornee().setConfig("a", a, Map.of());
            new RocksDBBornee().setConfig("b", b, Map.of());

            assertThat(a.writeBufferManager()).isNotNull().isSameAs(b.writeBufferManager());
            assertThat(a.writeBufferSize() * a.maxWriteBufferNumber()).isLessThanOrEqualTo(RocksDBBornee.MEMTABLES_OCTETS);
            assertThat(RocksDBBornee.MEMTABLES_OCTETS).isLessThan(RocksDBBornee.TOTAL_OCTETS);
        }
    }
}
