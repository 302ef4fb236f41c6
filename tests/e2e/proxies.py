"""Minimal forward proxies for tests: an HTTP CONNECT proxy and a SOCKS5 proxy. Each tunnels
bytes both ways and notes which `x-goog-api-key` values pass through it (the fake upstream speaks
plain HTTP, so the tunnelled requests are readable)."""

import re
import socket
import struct
import threading

KEY_PATTERN = re.compile(rb"x-goog-api-key: *([A-Za-z0-9_\-]+)", re.IGNORECASE)


class _TunnelProxy:
    def __init__(self):
        self.keys_seen: set[str] = set()
        self.connections = 0
        self._lock = threading.Lock()
        self._server = socket.socket()
        self._server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._server.bind(("127.0.0.1", 0))
        self._server.listen(64)
        self.port = self._server.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                client, _ = self._server.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client):
        try:
            upstream = self.handshake(client)
        except Exception:
            client.close()
            return
        with self._lock:
            self.connections += 1
        threading.Thread(target=self._pipe, args=(upstream, client, False), daemon=True).start()
        self._pipe(client, upstream, True)

    def _pipe(self, source, target, sniff):
        try:
            while True:
                data = source.recv(65536)
                if not data:
                    break
                if sniff:
                    for match in KEY_PATTERN.finditer(data):
                        with self._lock:
                            self.keys_seen.add(match.group(1).decode())
                target.sendall(data)
        except OSError:
            pass
        finally:
            for s in (source, target):
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    def close(self):
        self._server.close()


class HTTPConnectProxy(_TunnelProxy):
    scheme = "http"

    def handshake(self, client):
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = client.recv(4096)
            if not chunk:
                raise ConnectionError("closed during CONNECT")
            head += chunk
        request_line = head.split(b"\r\n", 1)[0].decode()
        method, target, _ = request_line.split(" ", 2)
        if method != "CONNECT":
            raise ConnectionError("only CONNECT is supported")
        host, port = target.rsplit(":", 1)
        upstream = socket.create_connection((host, int(port)))
        client.sendall(b"HTTP/1.1 200 Connection established\r\n\r\n")
        return upstream


class SOCKS5Proxy(_TunnelProxy):
    scheme = "socks5"

    def _read(self, sock, count):
        data = b""
        while len(data) < count:
            chunk = sock.recv(count - len(data))
            if not chunk:
                raise ConnectionError("closed during SOCKS handshake")
            data += chunk
        return data

    def handshake(self, client):
        version, count = self._read(client, 2)
        self._read(client, count)
        client.sendall(b"\x05\x00")  # no authentication
        version, command, _, address_type = self._read(client, 4)
        if address_type == 1:
            host = socket.inet_ntoa(self._read(client, 4))
        elif address_type == 3:
            host = self._read(client, self._read(client, 1)[0]).decode()
        else:
            host = socket.inet_ntop(socket.AF_INET6, self._read(client, 16))
        port = struct.unpack("!H", self._read(client, 2))[0]
        upstream = socket.create_connection((host, port))
        client.sendall(b"\x05\x00\x00\x01" + socket.inet_aton("0.0.0.0") + struct.pack("!H", 0))
        return upstream
