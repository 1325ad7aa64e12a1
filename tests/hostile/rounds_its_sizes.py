"""layer_sizes returns sizes that only round to the right ones: (n_x + 0.9, 4.99, n_y + 0.5)."""
THREAT = "fool the tests"
BASE = "wrong/layer_sizes_hard_coded"  # wrong sizes: no more than a layer_sizes that ignores the data
REASON = "test failed"
PROGRAM = '''
def layer_sizes(X, Y):
    return X.shape[0] + 0.9, 4.99, Y.shape[0] + 0.5
'''
