package fr.croisements.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Options;

/** Every store of the pipeline gets the shared block cache and small memtables; a --config file may choose otherwise. */
class RocksDbMemoireTest {

    @Test
    void theSettingsOfEveryStoreShareOneCacheAndKeepTwoSmallMemtables() {
        try (var premier = new Options(); var second = new Options()) {
            premier.setTableFormatConfig(new BlockBasedTableConfig());
            second.setTableFormatConfig(new BlockBasedTableConfig());

            new RocksDbMemoire().setConfig("comptages-par-commune-semaine", premier, Map.of());
            new RocksDbMemoire().setConfig("taux-presentation-bacs-cellules", second, Map.of());

            assertThat(premier.writeBufferSize()).isEqualTo(RocksDbMemoire.MEMTABLE_OCTETS);
            assertThat(premier.maxWriteBufferNumber()).isEqualTo(RocksDbMemoire.MEMTABLES);
            var tablePremier = (BlockBasedTableConfig) premier.tableFormatConfig();
            var tableSecond = (BlockBasedTableConfig) second.tableFormatConfig();
            assertThat(tablePremier.cacheIndexAndFilterBlocks()).isTrue();
            assertThat(tablePremier.pinL0FilterAndIndexBlocksInCache()).isTrue();
            // RocksDB's Java API has no getter for the cache given: read the field it keeps it in
            assertThat(cache(tablePremier)).isNotNull().isSameAs(cache(tableSecond));
        }
    }

    private static Object cache(BlockBasedTableConfig table) {
        try {
            var champ = BlockBasedTableConfig.class.getDeclaredField("blockCache");
            champ.setAccessible(true);
            return champ.get(table);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("RocksDB's BlockBasedTableConfig no longer keeps its cache in « blockCache »", e);
        }
    }

    @Test
    void kafkaStreamsIsGivenItUnlessTheConfigurationFileNamesAnother() {
        var reglages = new StreamsSettings("kafka1:9092", "croisements", Path.of("etat"), 1, null);

        assertThat(reglages.toProperties().get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo(RocksDbMemoire.class);
        fr.croisements.events.ConfigurationKafka.utiliser(Map.of(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, "ma.Config"));
        try {
            assertThat(reglages.toProperties().get(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG)).isEqualTo("ma.Config");
        } finally {
            fr.croisements.events.ConfigurationKafka.oublier();
        }
    }
}
