package io.simfleet.client.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * An HTTP/1.1 proxy on loopback in front of the real test server that fails chosen requests the
 * way networks and overloaded servers do, and forwards every other one unchanged. Each request
 * gets a connection of its own ({@code Connection: close}). {@link #seen()} lists every request
 * that reached the proxy, {@link #forwarded()} those that reached the server.
 */
public final class FaultProxy implements AutoCloseable {

    public enum Fault {
        /** Close the connection (TCP reset) without forwarding: the server never sees the request. */
        RESET_BEFORE,
        /** Forward, let the server do the work, then reset the connection instead of answering: a lost answer. */
        RESET_AFTER,
        /** Answer HTTP 503 with the SFT envelope (10160), without forwarding. */
        STATUS_503,
        /** Answer HTTP 429 with {@code Retry-After: 1}, without forwarding. */
        STATUS_429,
        /** Never answer (until the proxy closes). */
        HANG
    }

    private record Rule(Predicate<String> matches, Fault fault, int[] remaining) {}

    private final int targetPort;
    private final ServerSocket listener;
    private final List<Rule> rules = new CopyOnWriteArrayList<>();
    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final List<String> forwarded = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    public FaultProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::acceptLoop, "fault-proxy-" + listener.getLocalPort());
        t.setDaemon(true);
        t.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + listener.getLocalPort();
    }

    /** The next {@code times} requests whose "METHOD /path" (no query) starts with {@code prefix} get {@code fault}. */
    public FaultProxy fail(String prefix, Fault fault, int times) {
        rules.add(new Rule(line -> line.startsWith(prefix), fault, new int[] {times}));
        return this;
    }

    /** Every request seen, as "METHOD /path" (no query), in order. */
    public List<String> seen() {
        return List.copyOf(seen);
    }

    /** The requests that reached the server. */
    public List<String> forwarded() {
        return List.copyOf(forwarded);
    }

    public long seen(String line) {
        return seen.stream().filter(line::equals).count();
    }

    public long forwarded(String line) {
        return forwarded.stream().filter(line::equals).count();
    }

    private Fault faultFor(String line) {
        synchronized (rules) {
            for (Rule r : rules) {
                if (r.remaining()[0] > 0 && r.matches().test(line)) {
                    r.remaining()[0]--;
                    return r.fault();
                }
            }
        }
        return null;
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = listener.accept();
                open.add(s);
                Thread t = new Thread(() -> handle(s), "fault-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                if (!closed) e.printStackTrace();
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String head = readHead(in);
            if (head == null) return;
            String[] lines = head.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String path = requestLine[1];
            int q = path.indexOf('?');
            String line = requestLine[0] + " " + (q < 0 ? path : path.substring(0, q));
            int length = 0;
            StringBuilder forwardedHead = new StringBuilder(lines[0]).append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                String name = lines[i].substring(0, Math.max(0, lines[i].indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                if (name.equals("content-length")) length = Integer.parseInt(lines[i].substring(lines[i].indexOf(':') + 1).trim());
                if (name.equals("connection") || name.equals("upgrade") || name.equals("http2-settings") || name.equals("keep-alive")) continue;
                forwardedHead.append(lines[i]).append("\r\n");
            }
            forwardedHead.append("Connection: close\r\n\r\n");
            byte[] body = in.readNBytes(length);
            seen.add(line);
            Fault fault = faultFor(line);
            if (fault == null) {
                client.getOutputStream().write(forward(line, forwardedHead.toString(), body));
                client.getOutputStream().flush();
                return;
            }
            switch (fault) {
                case RESET_BEFORE -> reset(client);
                case RESET_AFTER -> {
                    forward(line, forwardedHead.toString(), body);
                    reset(client);
                }
                case STATUS_503 -> answer(client.getOutputStream(), "503 Service Unavailable", null, "10160", "Internal failure");
                case STATUS_429 -> answer(client.getOutputStream(), "429 Too Many Requests", "1", "429",
                        "Request rate limit exceeded - requests of account (proxy)");
                case HANG -> {
                    while (!closed && !client.isClosed()) Thread.sleep(50);
                }
                default -> throw new IllegalStateException();
            }
        } catch (IOException e) {
            // the client went away
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            open.remove(client);
        }
    }

    private byte[] forward(String line, String head, byte[] body) throws IOException {
        try (Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort)) {
            OutputStream out = server.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.write(body);
            out.flush();
            byte[] answer = server.getInputStream().readAllBytes();
            forwarded.add(line);
            return answer;
        }
    }

    private static void reset(Socket s) throws IOException {
        s.setSoLinger(true, 0);
        s.close();
    }

    private static void answer(OutputStream out, String status, String retryAfter, String code, String description) throws IOException {
        String body = "{\"Response\":{\"responseId\":\"1\",\"responseTimestamp\":\"01/01/2026 00:00:00\",\"resultCode\":\"1\","
                + "\"resultParam\":{\"resultCode\":\"" + code + "\",\"resultDescription\":\"" + description + "\"}}}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + status + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n"
                + (retryAfter == null ? "" : "Retry-After: " + retryAfter + "\r\n") + "Connection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) != -1) {
            buf.write(b);
            // \r\n\r\n
            state = (b == '\r' && (state == 0 || state == 2)) ? state + 1 : (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) return buf.toString(StandardCharsets.ISO_8859_1).trim();
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listener.close();
        for (Socket s : new ArrayList<>(open)) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }
}
