"""Mutants of a function: one small change to its syntax tree each, as a plausible slip of a student's would be.

The operators are the ones mutation testing knows to track real faults (arithmetic and
comparison operators, constants, deleted statements), and those of this lesson's own
slips: the axis of a sum, keepdims, a transpose, the activation, a default argument, a parameter ignored, a
loop bound, a key of the returned dict. Each mutant is the function's source, rewritten
by `ast`, with a one-line description of what changed; a change that makes no
difference to the source (the same text back) is not a mutant.
"""
import ast
import copy
from dataclasses import dataclass

BINARY = {ast.Add: (ast.Sub,), ast.Sub: (ast.Add,), ast.Mult: (ast.Div,), ast.Div: (ast.Mult,),
          ast.MatMult: (ast.Mult,), ast.Pow: (ast.Mult,)}
COMPARE = {ast.Gt: (ast.GtE, ast.Lt), ast.GtE: (ast.Gt,), ast.Lt: (ast.LtE, ast.Gt), ast.LtE: (ast.Lt,),
           ast.Eq: (ast.NotEq,), ast.NotEq: (ast.Eq,)}
ACTIVATIONS = {"tanh": ("sigmoid", "relu", "identity"), "sigmoid": ("tanh", "identity"), "relu": ("tanh", "identity")}
SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.MatMult: "@", ast.Pow: "**", ast.Gt: ">",
          ast.GtE: ">=", ast.Lt: "<", ast.LtE: "<=", ast.Eq: "==", ast.NotEq: "!="}


@dataclass(frozen=True)
class Mutant:
    function: str  # the function's name
    line: int  # the line of the function the change is on (1: the def)
    change: str  # what changed, in a few words
    source: str  # the mutated function


def mutants(source):
    """Every mutant of the function defined in `source` (one def), in a fixed order."""
    tree = ast.parse(source)
    function = next(node for node in tree.body if isinstance(node, ast.FunctionDef))
    original = ast.unparse(tree)
    found, seen = [], {original}
    for site, node in enumerate(_sites(tree)):
        for change, apply, where in _changes(node):
            mutated = copy.deepcopy(tree)
            target = _sites(mutated)[site]
            replacement = apply(target)
            if replacement is not target:
                _replace(mutated, target, replacement)
            text = ast.unparse(ast.fix_missing_locations(mutated))
            if text not in seen:
                seen.add(text)
                found.append(Mutant(function.name, where.lineno - function.lineno + 1, change, text))
    return found


def _sites(tree):
    """The nodes of the tree a change can touch, in walk order (the same in every copy of the tree); not the values
    of keywords, which their call's own changes cover (axis=1 -> 0)."""
    keyword_values = {id(keyword.value) for keyword in ast.walk(tree) if isinstance(keyword, ast.keyword)}
    return [node for node in ast.walk(tree) if id(node) not in keyword_values and
            isinstance(node, (ast.BinOp, ast.Compare, ast.Constant, ast.Attribute, ast.Call, ast.Return,
                              ast.FunctionDef, ast.For, ast.If, ast.While, ast.With))]


def _changes(node):
    """(description, function of the node in a copy -> its replacement or the node changed in place, the node on
    whose line the change is)."""
    if isinstance(node, ast.BinOp):
        for other in BINARY.get(type(node.op), ()):
            yield f"{SYMBOL[type(node.op)]} -> {SYMBOL[other]}", lambda n, other=other: _set(n, op=other()), node
        if isinstance(node.op, ast.MatMult):
            yield "a transpose added to the left operand", lambda n: _set(n, left=_transposed(n.left)), node
            yield "a transpose added to the right operand", lambda n: _set(n, right=_transposed(n.right)), node
    elif isinstance(node, ast.Compare) and len(node.ops) == 1:
        for other in COMPARE.get(type(node.ops[0]), ()):
            yield f"{SYMBOL[type(node.ops[0])]} -> {SYMBOL[other]}", lambda n, other=other: _set(n, ops=[other()]), node
    elif isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        yield from ((change, apply, node) for change, apply in _constants(node.value))
    elif isinstance(node, ast.Attribute) and node.attr == "T":
        yield "a transpose dropped", lambda n: n.value, node
    elif isinstance(node, ast.Call):
        yield from ((change, apply, node) for change, apply in _calls(node))
    elif isinstance(node, ast.Return) and isinstance(node.value, ast.Dict):
        for index, key in enumerate(node.value.keys):
            if isinstance(key, ast.Constant):
                yield (f"the returned key {key.value!r} dropped",
                       lambda n, index=index: _set(n, value=ast.Dict(keys=n.value.keys[:index] + n.value.keys[index + 1:],
                                                                    values=n.value.values[:index] +
                                                                    n.value.values[index + 1:])), node)
    if isinstance(node, ast.FunctionDef):
        defaulted = node.args.args[len(node.args.args) - len(node.args.defaults):]
        for parameter, default in zip(defaulted, node.args.defaults):
            yield (f"the parameter {parameter.arg} ignored: its default {ast.unparse(default)} used instead",
                   lambda n, name=parameter.arg, default=default: _set(
                       n, body=[_Substitute(default, name).visit(statement) for statement in n.body]), node)
    if isinstance(node, (ast.FunctionDef, ast.For, ast.If, ast.While, ast.With)):
        for index, statement in enumerate(node.body):
            docstring = isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)
            if isinstance(statement, (ast.Assign, ast.AugAssign, ast.Expr)) and not docstring and len(node.body) > 1:
                yield (f"the statement on line {statement.lineno} deleted",
                       lambda n, index=index: _set(n, body=n.body[:index] + [ast.Pass()] + n.body[index + 1:]), statement)


def _constants(value):
    changed = {0: (1,)}.get(value, (0, value * 10, value / 10, -value))
    if isinstance(value, int) and value != 0:
        changed += (value + 1, value - 1)
    for other in dict.fromkeys(changed):
        if other != value:
            yield f"the constant {value!r} -> {other!r}", lambda n, other=other: _set(n, value=other)


def _calls(node):
    name = _name(node.func)
    for keyword in node.keywords:
        if keyword.arg == "axis" and isinstance(keyword.value, ast.Constant) and keyword.value.value in (0, 1):
            yield (f"axis={keyword.value.value} -> axis={1 - keyword.value.value}",
                   lambda n, arg=keyword.arg: _keyword(n, arg, ast.Constant(1 - _keyword_value(n, arg))))
        if keyword.arg == "keepdims":
            yield "keepdims dropped", lambda n: _set(n, keywords=[k for k in n.keywords if k.arg != "keepdims"])
    if name in ACTIVATIONS and len(node.args) == 1:
        for other in ACTIVATIONS[name]:
            yield f"{name} -> {other}", lambda n, other=other: _activation(other, n.args[0])
    if name == "maximum" and len(node.args) == 2:  # np.maximum(0, z): ReLU
        for other in ACTIVATIONS["relu"]:
            yield f"relu -> {other}", lambda n, other=other: _activation(other, n.args[1])
    if name == "range" and node.args:
        yield "the loop bound - 1", lambda n: _set(n, args=n.args[:-1] + [_plus(n.args[-1], -1)])
        yield "the loop bound + 1", lambda n: _set(n, args=n.args[:-1] + [_plus(n.args[-1], 1)])
    if len(node.args) > 1 and name not in ("range", "maximum"):
        yield f"the last argument of {name} left to its default", lambda n: _set(n, args=n.args[:-1])


def _activation(name, argument):
    if name == "identity":
        return argument
    expression = {"tanh": "np.tanh(z)", "sigmoid": "1 / (1 + np.exp(-z))", "relu": "np.maximum(0, z)"}[name]
    tree = ast.parse(expression, mode="eval").body
    return _Substitute(argument).visit(tree)


class _Substitute(ast.NodeTransformer):
    """Every use of the name (z by default) replaced by a copy of the expression."""

    def __init__(self, expression, name="z"):
        self.expression, self.name = expression, name

    def visit_Name(self, node):
        return copy.deepcopy(self.expression) if node.id == self.name and isinstance(node.ctx, ast.Load) else node


def _name(function):
    return function.id if isinstance(function, ast.Name) else function.attr if isinstance(function, ast.Attribute) else None


def _transposed(expression):
    return ast.Attribute(value=expression, attr="T", ctx=ast.Load())


def _plus(expression, amount):
    return ast.BinOp(left=expression, op=ast.Add(), right=ast.Constant(amount))


def _keyword_value(node, arg):
    return next(k.value.value for k in node.keywords if k.arg == arg)


def _keyword(node, arg, value):
    return _set(node, keywords=[ast.keyword(arg=k.arg, value=value) if k.arg == arg else k for k in node.keywords])


def _set(node, **fields):
    for name, value in fields.items():
        setattr(node, name, value)
    return node


def _replace(tree, target, replacement):
    """Put `replacement` where `target` is in the tree."""
    for parent in ast.walk(tree):
        for name, value in ast.iter_fields(parent):
            if value is target:
                setattr(parent, name, replacement)
                return
            if isinstance(value, list) and any(item is target for item in value):
                setattr(parent, name, [replacement if item is target else item for item in value])
                return
    raise ValueError("the node to replace is not in the tree")
