"""Puts a fake grader.checks in sys.modules whose verify passes everything, and patches the real one if found."""
THREAT = "fool the tests"
BASE = "blank"
REASON = "test failed"
PROGRAM = '''
import sys
import types

try:
    import grader.checks
    grader.checks.verify = lambda *args, **kwargs: None
except ImportError:
    pass


class _Anything(types.ModuleType):
    def __getattr__(self, name):
        return lambda *args, **kwargs: None


_fake = _Anything("grader.checks")
_fake.verify = lambda *args, **kwargs: None
sys.modules["grader"] = types.ModuleType("grader")
sys.modules["grader.checks"] = _fake
for _name in ("sizes", "initialization", "forward", "cost", "backward", "update", "training", "prediction",
              "experiment"):
    sys.modules["grader.checks." + _name] = _Anything(_name)


def layer_sizes(X, Y):
    raise NotImplementedError()
'''
