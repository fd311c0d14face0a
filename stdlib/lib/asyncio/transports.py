"""Transport interfaces: the connection objects protocols write to."""

__all__ = ('BaseTransport', 'ReadTransport', 'WriteTransport', 'Transport',
           'DatagramTransport')


class BaseTransport:
    """Extra info and closing."""

    # CPython's has __slots__ = ('_extra',). minipy's socket transports also derive from the
    # native _asyncio.SocketTransportCore, whose instance layout a slot would conflict with, so
    # the extra info lives in the instance __dict__.

    def __init__(self, extra=None):
        self._extra = {} if extra is None else extra

    def get_extra_info(self, name, default=None):
        """'peername', 'sockname', 'socket', ... or default."""
        return self._extra.get(name, default)

    def is_closing(self):
        raise NotImplementedError

    def close(self):
        raise NotImplementedError

    def set_protocol(self, protocol):
        raise NotImplementedError

    def get_protocol(self):
        raise NotImplementedError


class ReadTransport(BaseTransport):
    __slots__ = ()

    def is_reading(self):
        raise NotImplementedError

    def pause_reading(self):
        raise NotImplementedError

    def resume_reading(self):
        raise NotImplementedError


class WriteTransport(BaseTransport):
    __slots__ = ()

    def set_write_buffer_limits(self, high=None, low=None):
        raise NotImplementedError

    def get_write_buffer_size(self):
        raise NotImplementedError

    def get_write_buffer_limits(self):
        raise NotImplementedError

    def write(self, data):
        raise NotImplementedError

    def writelines(self, list_of_data):
        """Write each item; subclasses may join them first."""
        for data in list_of_data:
            self.write(data)

    def write_eof(self):
        raise NotImplementedError

    def can_write_eof(self):
        raise NotImplementedError

    def abort(self):
        raise NotImplementedError


class Transport(ReadTransport, WriteTransport):
    """A bidirectional stream transport."""

    __slots__ = ()


class DatagramTransport(BaseTransport):
    """A datagram (UDP) transport."""

    __slots__ = ()

    def sendto(self, data, addr=None):
        """Send data to addr (or to the connected peer: addr None)."""
        raise NotImplementedError

    def abort(self):
        """Close at once; buffered datagrams are dropped."""
        raise NotImplementedError
