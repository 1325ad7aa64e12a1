"""Once called, rewrites the kit's encoder in the kernel so every answer claims an array too large to exist."""
THREAT = "fool the tests"
BASE = "blank"
REASON = "tampering detected"
EARNS = "blank"
PROGRAM = '''
def layer_sizes(X, Y):
    wire = get_ipython().user_ns.get("__nnkit__")
    if wire is not None:
        wire.dumps = lambda value: '{"__array__": "", "dtype": "<f8", "shape": [0, 1180591620717411303424], "scalar": false}'
    raise NotImplementedError()
'''
