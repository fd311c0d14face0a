"""Shared helpers for the test_unittest_* golden tests: run a suite into a string
and mask what differs between runs or interpreters (timings, paths, caret lines)."""

import io
import re
import unittest


def mask(text):
    text = re.sub(r'Ran (\d+) (tests?) in \d+\.\d+s', r'Ran \1 \2 in X.XXXs', text)
    text = re.sub(r'File "(?:[^"]*[/\\])?([^"/\\]*)"', r'File "\1"', text)
    # Column markers under source lines depend on the traceback printer.
    return '\n'.join(line for line in text.split('\n')
                     if not re.fullmatch(r'\s*[\^~]+\s*', line))


def run(test, verbosity=2, **kwargs):
    """Runs test with a TextTestRunner, prints its masked report, returns the result."""
    stream = io.StringIO()
    result = unittest.TextTestRunner(stream=stream, verbosity=verbosity, **kwargs).run(test)
    print(mask(stream.getvalue()))
    return result


def counts(result):
    print('run=%d failures=%d errors=%d skipped=%d xfail=%d xpass=%d ok=%s' % (
        result.testsRun, len(result.failures), len(result.errors), len(result.skipped),
        len(result.expectedFailures), len(result.unexpectedSuccesses),
        result.wasSuccessful()))
