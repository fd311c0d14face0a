"""Protocol interfaces: callbacks a transport makes into user code."""

__all__ = ('BaseProtocol', 'Protocol', 'DatagramProtocol', 'BufferedProtocol')


class BaseProtocol:
    """Connection and flow-control callbacks shared by every protocol."""

    __slots__ = ()

    def connection_made(self, transport):
        """Called when the connection is up; transport is the connection."""

    def connection_lost(self, exc):
        """Called when the connection is closed; exc is None on a regular EOF or close."""

    def pause_writing(self):
        """The transport's buffer went over the high-water mark."""

    def resume_writing(self):
        """The transport's buffer drained below the low-water mark."""


class Protocol(BaseProtocol):
    """A stream protocol: data_received / eof_received."""

    __slots__ = ()

    def data_received(self, data):
        """Called with bytes received."""

    def eof_received(self):
        """The other end will send no more; return a true value to keep the transport open."""


class BufferedProtocol(BaseProtocol):
    """A stream protocol that supplies the receive buffer itself."""

    __slots__ = ()

    def get_buffer(self, sizehint):
        raise NotImplementedError

    def buffer_updated(self, nbytes):
        raise NotImplementedError

    def eof_received(self):
        """The other end will send no more; return a true value to keep the transport open."""


class DatagramProtocol(BaseProtocol):
    """Datagram callbacks."""

    __slots__ = ()

    def datagram_received(self, data, addr):
        """Called with one datagram and its sender's address."""

    def error_received(self, exc):
        """Called when a send or receive fails with OSError."""
