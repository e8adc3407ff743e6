"""A minimal WebSocket client (RFC 6455) for bench/serve: it opens a preview server's reload socket the way
a browser's page does (the opening handshake, masked client frames) and reads the server's text messages.
Python 3 standard library only."""
import base64, hashlib, os, select, socket, struct, time

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"


class ReloadSocket:
    def __init__(self, port, path, host="127.0.0.1", timeout=30):
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.buffer = b""
        self.closed = False
        key = base64.b64encode(os.urandom(16)).decode()
        origin = f"http://{host}:{port}"
        request = (f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\nOrigin: {origin}\r\n\r\n")
        self.sock.sendall(request.encode())
        deadline = time.monotonic() + timeout
        while b"\r\n\r\n" not in self.buffer:
            if not self._fill(deadline):
                raise ConnectionError(f"no handshake answer from {origin}{path}")
        head, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
        lines = head.decode(errors="replace").split("\r\n")
        if " 101 " not in lines[0] + " ":
            raise ConnectionError(f"{origin}{path} answered the handshake with {lines[0]!r}")
        headers = {k.strip().lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        expected = base64.b64encode(hashlib.sha1((key + GUID).encode()).digest()).decode()
        if headers.get("sec-websocket-accept") != expected:
            raise ConnectionError(f"{origin}{path}: wrong Sec-WebSocket-Accept {headers.get('sec-websocket-accept')!r}")

    def _fill(self, deadline):
        """Reads more bytes before `deadline` (a time.monotonic() value); False on timeout or end."""
        wait = max(0.0, deadline - time.monotonic())
        if not select.select([self.sock], [], [], wait)[0]:
            return False
        data = self.sock.recv(65536)
        if not data:
            self.closed = True
            return False
        self.buffer += data
        return True

    def _take(self, count, deadline):
        while len(self.buffer) < count:
            if not self._fill(deadline):
                return None
        data, self.buffer = self.buffer[:count], self.buffer[count:]
        return data

    def send(self, text, opcode=0x1):
        payload = text.encode() if isinstance(text, str) else text
        mask = os.urandom(4)
        head = bytes([0x80 | opcode])
        if len(payload) < 126:
            head += bytes([0x80 | len(payload)])
        elif len(payload) < 65536:
            head += bytes([0x80 | 126]) + struct.pack(">H", len(payload))
        else:
            head += bytes([0x80 | 127]) + struct.pack(">Q", len(payload))
        masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        self.sock.sendall(head + mask + masked)

    def receive(self, timeout):
        """The next text message, or None when none comes within `timeout` seconds or the socket closes.
        Pings are answered; a partly received frame stays buffered for the next call."""
        deadline = time.monotonic() + timeout
        message = b""
        while not self.closed:
            head = self._peek_frame(deadline)
            if head is None:
                return None
            fin, opcode, payload = head
            if opcode == 0x8:
                self.closed = True
                return None
            if opcode == 0x9:
                self.send(payload, opcode=0xA)
                continue
            if opcode in (0x0, 0x1):
                message += payload
                if fin:
                    return message.decode(errors="replace")
        return None

    def _peek_frame(self, deadline):
        """One whole frame (fin, opcode, payload), consumed only once all of it has arrived."""
        while True:
            frame = self._parse(self.buffer)
            if frame:
                (fin, opcode, payload), used = frame
                self.buffer = self.buffer[used:]
                return fin, opcode, payload
            if not self._fill(deadline):
                return None

    @staticmethod
    def _parse(data):
        if len(data) < 2:
            return None
        fin, opcode, length, offset = data[0] & 0x80, data[0] & 0x0F, data[1] & 0x7F, 2
        if length == 126:
            if len(data) < 4:
                return None
            length, offset = struct.unpack(">H", data[2:4])[0], 4
        elif length == 127:
            if len(data) < 10:
                return None
            length, offset = struct.unpack(">Q", data[2:10])[0], 10
        mask = b""
        if data[1] & 0x80:  # servers must not mask, but read it right if one does
            mask, offset = data[offset:offset + 4], offset + 4
        if len(data) < offset + length:
            return None
        payload = data[offset:offset + length]
        if mask:
            payload = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
        return (bool(fin), opcode, payload), offset + length

    def drain(self):
        """Every message already waiting, without blocking."""
        messages = []
        while True:
            message = self.receive(0)
            if message is None:
                return messages
            messages.append(message)

    def close(self):
        try:
            if not self.closed:
                self.send(b"\x03\xe8", opcode=0x8)
        except OSError:
            pass
        self.sock.close()
