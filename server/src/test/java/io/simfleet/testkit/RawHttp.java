package io.simfleet.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/**
 * HTTP/1.1 spoken over a plain socket, for requests no HTTP client would send: raw spaces and
 * bytes in the request line, malformed escapes, odd methods and encodings. The request goes out
 * byte for byte; the answer is read to the end (send {@code Connection: close}).
 */
public final class RawHttp {
    private RawHttp() {}

    /** The status, the head (status line and headers) and the body, de-chunked and read as UTF-8. */
    public record Answer(int status, String head, String body) {
        @Override
        public String toString() {
            return head + body;
        }
    }

    public static Answer send(int port, byte[] request, Duration timeout) throws IOException {
        byte[] all;
        try (Socket s = new Socket("localhost", port)) {
            s.setSoTimeout((int) timeout.toMillis());
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            all = s.getInputStream().readAllBytes();
        }
        int split = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
        String head = new String(all, 0, split < 0 ? all.length : split + 4, StandardCharsets.ISO_8859_1);
        byte[] body = split < 0 ? new byte[0] : Arrays.copyOfRange(all, split + 4, all.length);
        if (head.toLowerCase().contains("transfer-encoding: chunked")) body = dechunk(body);
        return new Answer(Integer.parseInt(head.substring(9, 12)), head, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < chunked.length) {
            int eol = indexOf(chunked, new byte[] {'\r', '\n'}, i);
            if (eol < 0) break;
            int size = Integer.parseInt(new String(chunked, i, eol - i, StandardCharsets.ISO_8859_1).trim(), 16);
            if (size == 0) break;
            out.write(chunked, eol + 2, size);
            i = eol + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] in, byte[] what, int from) {
        outer:
        for (int i = from; i <= in.length - what.length; i++) {
            for (int j = 0; j < what.length; j++) {
                if (in[i + j] != what[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
