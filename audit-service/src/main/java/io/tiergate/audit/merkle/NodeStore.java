package io.tiergate.audit.merkle;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes the stored perfect subtrees ({@code merkle_node}), many in one round trip. */
@ApplicationScoped
public class NodeStore {

    @Inject
    AgroalDataSource dataSource;

    /** Fetches the given nodes; a node the store lacks is simply absent from the map. */
    public Map<NodeId, byte[]> fetch(Collection<NodeId> ids) {
        Map<NodeId, byte[]> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        Short[] levels = ids.stream().map(id -> (short) id.level()).toArray(Short[]::new);
        Long[] indexes = ids.stream().map(NodeId::index).toArray(Long[]::new);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                     SELECT n.level, n.node_index, n.hash FROM merkle_node n
                     JOIN unnest(?::smallint[], ?::bigint[]) AS wanted(level, node_index)
                       ON n.level = wanted.level AND n.node_index = wanted.node_index""")) {
            Array levelArray = connection.createArrayOf("smallint", levels);
            Array indexArray = connection.createArrayOf("bigint", indexes);
            query.setArray(1, levelArray);
            query.setArray(2, indexArray);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(new NodeId(rows.getShort(1), rows.getLong(2)), rows.getBytes(3));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the stored tree", e);
        }
    }

    /** Inserts nodes on the caller's (transactional) connection. */
    public void insert(Connection connection, List<CompactRange.StoredNode> nodes) throws SQLException {
        try (PreparedStatement insert =
                connection.prepareStatement("INSERT INTO merkle_node (level, node_index, hash) VALUES (?, ?, ?)")) {
            for (CompactRange.StoredNode node : nodes) {
                insert.setShort(1, (short) node.id().level());
                insert.setLong(2, node.id().index());
                insert.setBytes(3, node.hash());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
