package fr.croisements.streams;

import java.util.Map;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;

/**
 * Bounds the native memory of the pipeline's RocksDB stores (issue #12, item 5). By default Kafka
 * Streams gives every store instance (one per store and partition, one per segment of a window store:
 * a few hundred here) its own block cache and three 16 MB memtables. Here every store of the process
 * shares one block cache, which also holds the index and filter blocks, and each store has two 4 MB
 * memtables at most.
 *
 * <p>No write-buffer manager: one was tried with a 16 MB memtable budget for every store (Kafka
 * Streams' "bounded memory" guide) and made the pipeline crawl, every store flushing at nearly every
 * write (see docs/performance.md).
 */
public final class RocksDbMemoire implements RocksDBConfigSetter {

    /** The block cache shared by every store of the process. */
    static final long CACHE_OCTETS = 32L * 1024 * 1024;
    static final long MEMTABLE_OCTETS = 4L * 1024 * 1024;
    static final int MEMTABLES = 2;

    // one for the process, never closed: the stores come and go with rebalances, the cache stays
    private static final Cache CACHE = new LRUCache(CACHE_OCTETS);

    @Override
    public void setConfig(String storeName, Options options, Map<String, Object> configs) {
        var table = (BlockBasedTableConfig) options.tableFormatConfig();
        table.setBlockCache(CACHE);
        table.setCacheIndexAndFilterBlocks(true);
        table.setPinL0FilterAndIndexBlocksInCache(true);
        options.setTableFormatConfig(table);
        options.setWriteBufferSize(MEMTABLE_OCTETS);
        options.setMaxWriteBufferNumber(MEMTABLES);
    }

    @Override
    public void close(String storeName, Options options) {
        // the shared cache outlives every store
    }
}
