package de.efa.tenant.messaging;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;

/**
 * When the local catalog copy is empty (a new database, or one wiped on purpose) it is rebuilt from the earliest
 * offset of the compacted catalog topic, whatever offsets the consumer group committed before.
 */
@ApplicationScoped
@Identifier("catalog-rebuild")
public class CatalogRebuild implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(CatalogRebuild.class);

    private final AgroalDataSource dataSource;

    public CatalogRebuild(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (!partitions.isEmpty() && catalogIsEmpty()) {
            LOG.infof("local catalog is empty: reading %s from the earliest offset", partitions);
            consumer.seekToBeginning(partitions);
        }
    }

    private boolean catalogIsEmpty() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM catalog_service)")) {
            row.next();
            return row.getBoolean(1);
        } catch (SQLException e) {
            LOG.warnf("could not tell whether the local catalog is empty: %s", e.getMessage());
            return false;
        }
    }
}
