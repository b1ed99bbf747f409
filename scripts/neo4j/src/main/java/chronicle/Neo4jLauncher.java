package chronicle;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;

/**
 * Starts the real Neo4j engine embedded, with Bolt on 127.0.0.1:&lt;port&gt; and auth off, so tests and
 * local runs need no Docker. Usage: Neo4jLauncher &lt;homeDir&gt; &lt;boltPort&gt; [--no-parent-watch].
 * Prints "NEO4J_READY bolt://127.0.0.1:&lt;port&gt;" once Bolt accepts connections; shuts down cleanly on SIGTERM,
 * and also when its standard input reaches end of file: the node process that started it holds that pipe, so
 * the engine cannot outlive it, even if it is killed with SIGKILL. `db:start` runs it detached, with
 * --no-parent-watch, so it keeps running after the command that started it ends.
 */
public final class Neo4jLauncher {
  public static void main(String[] args) {
    boolean watchParent = !(args.length == 3 && args[2].equals("--no-parent-watch"));
    if (args.length != 2 && watchParent) {
      System.err.println("usage: Neo4jLauncher <homeDir> <boltPort> [--no-parent-watch]");
      System.exit(2);
    }
    // Before the (slow) start: a parent that dies while the store is opening must not leave us holding it.
    if (watchParent) exitWhenStdinCloses();
    Path home = Path.of(args[0]).toAbsolutePath();
    int port = Integer.parseInt(args[1]);
    DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
        .setConfig(BoltConnector.enabled, true)
        .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
        .setConfig(HttpConnector.enabled, false)
        .setConfig(GraphDatabaseSettings.auth_enabled, false)
        // Bounded so a runaway query cannot hold a test run hostage.
        .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(5))
        // Shutdown stops the databases first, then Bolt, which by default waits 5 s for its thread pool and
        // 5 s for connections: 10 s of a SIGTERM spent on a server with nothing left to serve.
        .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
        .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
        // The in-JVM "bolt-local" connector is for Neo4j's own tools; embedded, nothing uses it.
        .setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
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

  /** Exits (running the shutdown hook, which releases the store) once nobody holds our stdin any more. */
  private static void exitWhenStdinCloses() {
    Thread watch = new Thread(() -> {
      byte[] buffer = new byte[4096];
      try {
        while (System.in.read(buffer) != -1) {
          // the parent never writes; anything read is ignored
        }
      } catch (IOException e) {
        // a broken pipe means the parent is gone, like EOF
      }
      System.out.println("NEO4J_PARENT_GONE");
      System.exit(0);
    }, "parent-watch");
    watch.setDaemon(true);
    watch.start();
  }
}
