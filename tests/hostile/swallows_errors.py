"""Installs an IPython exception handler that shows nothing, so failing tests look silent."""
THREAT = "fool the tests"
BASE = "blank"
REASON = None
EARNS = "blank"
PROGRAM = '''
get_ipython().set_custom_exc((BaseException,), lambda shell, etype, value, tb, tb_offset=None: None)


def layer_sizes(X, Y):
    raise NotImplementedError()
'''
