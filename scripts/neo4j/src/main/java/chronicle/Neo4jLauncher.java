package chronicle;

import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts the real Neo4j engine embedded, with Bolt on 127.0.0.1:&lt;port&gt; and auth off, so tests and
 * local runs need no Docker. Usage: Neo4jLauncher &lt;homeDir&gt; &lt;boltPort&gt;.
 * Prints "NEO4J_READY bolt://127.0.0.1:&lt;port&gt;" once Bolt accepts connections; shuts down cleanly on SIGTERM.
 */
public final class Neo4jLauncher {
  public static void main(String[] args) {
    if (args.length != 2) {
      System.err.println("usage: Neo4jLauncher <homeDir> <boltPort>");
      System.exit(2);
    }
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        // Bounded so a runaway query cannot hold a test run hostage.
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
        .build();
    // The shutdown hook runs on SIGTERM/SIGINT and releases store locks so the next start reuses the data.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      System.out.println("NEO4J_STOPPING");
      dbms.shutdown();
      System.out.println("NEO4J_STOPPED");
    }, "neo4j-shutdown"));
    dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME); // blocks until the default database is available
    System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
    System.out.flush();
  }
}
