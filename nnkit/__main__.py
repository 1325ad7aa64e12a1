"""The `nnkit` command's entry point (and `python -m nnkit`): nnkit.cli, imported only when a command runs.

Worker processes run this module again as they start (multiprocessing runs the main module of the process that
starts them): kept light, it costs each of them nothing, where nnkit.cli and all it imports cost about 1.9 s of CPU.
A command that grades on local workers starts the server they are forked from first (nnkit.scaleout.forkserver):
it imports what a worker runs while this process imports nnkit.cli.
"""
import sys

LOCAL_WORKERS = {"grade", "demo", "accuracy", "mutants"}  # the commands that grade on local worker processes


def main():
    if _grades_locally(sys.argv[1:]):
        from nnkit.scaleout import forkserver
        forkserver.start()
    from nnkit import cli  # see the docstring: not at import

    return cli.main()


def _grades_locally(arguments):
    """Whether the arguments name a command that grades on local workers: read before they are parsed, and a wrong
    guess costs only a server left idle, or workers spawned later."""
    options = {argument.split("=")[0] for argument in arguments}
    return bool(LOCAL_WORKERS & options) and not options & {"--scheduler", "-h", "--help"}


if __name__ == "__main__":
    sys.exit(main())
