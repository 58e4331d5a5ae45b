// A HubGW call sequence sent the way a Paper or Spigot plugin sends it: Java's default HttpClient (which offers an h2c
// upgrade with every request over http://) and bodies as Jackson writes them. Prints one JSON line per call:
// {"call": <label>, "status": <code>, "body": <the response body>}, for the test that runs it to check whole.
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

public class PluginClient {
  private static HttpClient client = HttpClient.newHttpClient();
  private static String base;
  private static String apiKey;

  private static void call(String label, String method, String path, String json) throws Exception {
    HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path)).header("X-API-Key", apiKey);
    if (json == null) builder.method(method, HttpRequest.BodyPublishers.noBody());
    else builder.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
    HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
    String body = response.body().isEmpty() ? "null" : response.body();
    System.out.println("{\"call\":\"" + label + "\",\"status\":" + response.statusCode() + ",\"version\":\""
        + response.version() + "\",\"body\":" + body + "}");
  }

  public static void main(String[] args) throws Exception {
    base = args[0];
    apiKey = args[1];
    String player = args[2];
    call("health", "GET", "/health/", null);
    call("home", "PUT", "/homes/", "{\"player_uuid\":\"" + player + "\",\"name\":\"base\",\"world\":\"world\","
        + "\"x\":100.0,\"y\":64.0,\"z\":-20.5,\"yaw\":0.0,\"pitch\":0.0,\"is_public\":false,\"max_homes\":null}");
    call("home by name", "POST", "/homes/get", "{\"player_uuid\":\"" + player + "\",\"name\":\"BASE\"}");
    call("homes", "GET", "/homes/" + player, null);
    call("cooldown", "POST", "/cooldowns/", "{\"player_uuid\":\"" + player + "\",\"cooldown_type\":\"daily\","
        + "\"expires_at\":null,\"cooldown_seconds\":3600.0,\"data\":null}");
    call("check", "POST", "/cooldowns/check", "{\"player_uuid\":\"" + player + "\",\"cooldown_type\":\"daily\"}");
  }
}
