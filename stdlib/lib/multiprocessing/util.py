"""Process-wide bookkeeping for multiprocessing: fork hooks and exit handling."""

import os
import sys
import atexit
import threading

# Callables run in a forked child before its target (reset per process).
_after_fork_hooks = []
# Callables run when the process exits (queue feeders flushing), newest first.
_exit_hooks = []


def register_after_fork(func):
    """Calls func() in every child process started after this call (fork start method)."""
    _after_fork_hooks.append(func)


def _register_exit_hook(func):
    _exit_hooks.append(func)


def _unregister_exit_hook(func):
    try:
        _exit_hooks.remove(func)
    except ValueError:
        pass


def _run_after_forkers():
    for func in list(_after_fork_hooks):
        func()


def _run_exit_hooks():
    while _exit_hooks:
        func = _exit_hooks.pop()
        try:
            func()
        except Exception:
            import traceback
            traceback.print_exc()


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError):
            pass


def _exit_function():
    """At exit of a process: flush queues, stop daemonic children, reap all children."""
    from multiprocessing import process
    _run_exit_hooks()
    for p in process.active_children():
        if p.daemon:
            p.terminate()
    for p in process.active_children():
        p.join()


atexit.register(_exit_function)
