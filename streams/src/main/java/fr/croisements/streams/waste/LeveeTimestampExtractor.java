package fr.croisements.streams.waste;

import fr.croisements.events.LeveeBac;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Event time of a lift: its {@code instant}. Falls back to the partition time (never to 0) when the
 * value is not a lift, and to the record timestamp before any partition time exists.
 */
final class LeveeTimestampExtractor implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        if (record.value() instanceof LeveeBac levee) {
            return levee.instant().toEpochMilli();
        }
        return partitionTime >= 0 ? partitionTime : record.timestamp();
    }
}
