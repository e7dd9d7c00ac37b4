"""A TCP proxy on loopback that a test can cut and restore: the database "going away" and coming back.

Why: the bot must apologise while its PostgreSQL is unreachable and recover by itself afterwards.
Stopping the shared test server is not an option, and a private cluster takes seconds to create;
a proxy between the bot and the server gives the same view from the bot's side -- established
connections are closed under it, new ones are refused -- and is restored in an instant.

    with TcpProxy("127.0.0.1", 5432) as proxy:
        url = make_url(database_url).set(host="127.0.0.1", port=proxy.port)
        ...
        proxy.cut()      # every connection closed, new ones closed at once
        proxy.restore()  # connections pass again
"""

from __future__ import annotations

import contextlib
import socket
import threading

__all__ = ["TcpProxy"]


class TcpProxy:
    """Forwards connections to ``127.0.0.1:port`` (its :attr:`port`) to ``host:target_port``."""

    def __init__(self, host: str, target_port: int) -> None:
        self._target = (host, target_port)
        self._server = socket.create_server(("127.0.0.1", 0))
        self._server.settimeout(0.1)
        self.port: int = self._server.getsockname()[1]
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._cut = threading.Event()
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._accept, name="tcp-proxy", daemon=True)

    def __enter__(self) -> TcpProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._closed.set()
        self.cut()
        self._thread.join(timeout=5)
        self._server.close()

    def cut(self) -> None:
        """Close every forwarded connection; connections made from now on are closed at once."""
        self._cut.set()
        with self._lock:
            sockets, self._open = self._open, set()
        for sock in sockets:
            _close(sock)

    def restore(self) -> None:
        self._cut.clear()

    def _accept(self) -> None:
        while not self._closed.is_set():
            try:
                client, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            if self._cut.is_set():
                _close(client)
                continue
            try:
                upstream = socket.create_connection(self._target, timeout=5)
            except OSError:
                _close(client)
                continue
            for sock in (client, upstream):
                sock.settimeout(None)
            with self._lock:
                self._open.update((client, upstream))
            for source, sink in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(source, sink), daemon=True).start()

    def _pump(self, source: socket.socket, sink: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                sink.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, sink):
                with self._lock:
                    self._open.discard(sock)
                _close(sock)


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_RDWR)
    sock.close()
