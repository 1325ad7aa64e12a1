"""The `nnkit` command's entry point (and `python -m nnkit`): nnkit.cli, imported only when a command runs.

Worker processes run this module again as they start (multiprocessing's spawn runs the main module of the
process that starts them): kept light, it costs each of them nothing, where nnkit.cli and all it imports cost
about 1.9 s of CPU in each worker and in each of their nannies.
"""
import sys


def main():
    from nnkit import cli  # see the docstring: not at import

    return cli.main()


if __name__ == "__main__":
    sys.exit(main())
