"""Fills the folder it shares with the grader with files where the grader might put its socket, and tries to answer
on any socket it finds there."""
THREAT = "fool the tests"
BASE = "blank"
REASON = None
EARNS = "blank"
PROGRAM = '''
import json
import os
import socket
import struct
import sys
import threading

_connection = next((arg for arg in sys.argv if arg.endswith("kernel.json")), None)  # the kernel's own command line
_folder = os.path.dirname(json.load(open(_connection))["ip"]) if _connection else None  # where its sockets are


def _squat():
    for _ in range(200):
        for name in os.listdir(_folder):
            if name.startswith("serve-"):
                try:
                    with socket.socket(socket.AF_UNIX) as connection:
                        connection.connect(os.path.join(_folder, name))
                        connection.sendall(struct.pack(">Q", 4) + b'"ok"')
                except OSError:
                    pass
        threading.Event().wait(0.05)


print("connection file found:", bool(_folder))
if _folder:
    for _index in range(50):
        try:
            open(os.path.join(_folder, f"serve-{_index}.sock"), "w").close()
        except OSError:
            break
    threading.Thread(target=_squat, daemon=True).start()


def layer_sizes(X, Y):
    raise NotImplementedError()
'''


def contained(printed):
    """It found the folder its kernel shares with the grader (else it squatted nothing, and proves nothing)."""
    return "found: True" in printed
