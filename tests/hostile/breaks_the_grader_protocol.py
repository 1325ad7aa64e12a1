"""Once called (and failing), replaces the kit's serving code in the kernel with its own, which answers every call with 'ok'."""
THREAT = "fool the tests"
BASE = "blank"
REASON = "tampering detected"
EARNS = "blank"
PROGRAM = '''
import socket
import struct


def _fake_serve(path):
    with socket.socket(socket.AF_UNIX) as connection:
        connection.connect(path)
        while connection.recv(1 << 20):
            connection.sendall(struct.pack(">Q", 4) + b'"ok"')


def layer_sizes(X, Y):
    ns = get_ipython().user_ns
    if "__nnkit__" in ns:
        ns["__nnkit__"].serve = _fake_serve
    raise NotImplementedError()
'''
