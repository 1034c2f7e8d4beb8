package fr.croisements.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the memory of every RocksDB store of the process, as in Kafka Streams' "Bounded memory"
 * guide: one block cache and one write-buffer manager shared by all stores (and by every segment of
 * the window stores), instead of a 50 MB cache and three 16 MB memtables for each of them.
 *
 * <p>The pipeline has a few dozen stores per partition, each window store in several segments: with
 * RocksDB's defaults their off-heap memory grew with the number of stores and reached hundreds of
 * megabytes in the demo. Here it stays under {@value #TOTAL_OCTETS} bytes (64 MB) in all, memtables
 * ({@value #MEMTABLES_OCTETS} bytes, 16 MB, counted inside the cache) included, plus RocksDB's own
 * small overheads. Index and filter blocks live in the cache too, with high priority.
 *
 * <p>Registered by {@link StreamsSettings} ({@code rocksdb.config.setter}). The cache and the manager
 * belong to the process and are never closed: Kafka Streams calls {@link #close} for each store, and
 * the others still use them.
 */
public final class RocksDBBornee implements RocksDBConfigSetter {

    /** Off-heap memory of all the stores of the process: block cache and memtables. */
    public static final long TOTAL_OCTETS = 64L * 1024 * 1024;
    /** The part of {@link #TOTAL_OCTETS} memtables may take before RocksDB flushes them. */
    public static final long MEMTABLES_OCTETS = 16L * 1024 * 1024;
    /** Share of the cache kept for index and filter blocks. */
    private static final double PART_INDEX_FILTRES = 0.1;
    private static final long MEMTABLE_OCTETS = 4L * 1024 * 1024;
    private static final int MEMTABLES = 2;
    private static final long BLOC_OCTETS = 16L * 1024;

    static {
        RocksDB.loadLibrary();
    }

    private static final Cache CACHE = new LRUCache(TOTAL_OCTETS, -1, false, PART_INDEX_FILTRES);
    private static final WriteBufferManager MEMTABLES_PARTAGEES = new WriteBufferManager(MEMTABLES_OCTETS, CACHE);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        var table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setCacheIndexAndFilterBlocksWithHighPriority(true);
        table.setPinTopLevelIndexAndFilter(true);
        table.setBlockSize(BLOC_OCTETS);
        options.setWriteBufferManager(MEMTABLES_PARTAGEES);
        options.setMaxWriteBufferNumber(MEMTABLES);
        options.setWriteBufferSize(MEMTABLE_OCTETS);
        options.setTableFormatConfig(table);
    }

    @Override
    public void close(String storeName, Options options) {
        // the cache and the write-buffer manager are shared by every store: closed with the process
    }
}
