# logging with no configuration: lastResort prints bare messages of warnings and above
import logging
import sys
import traceback

sys.stderr = sys.stdout   # lastResort writes to the current sys.stderr
logging.getLogger('x').warning('bare %s', 'message')
logging.getLogger('x').info('hidden')
logging.getLogger('x.y').critical('critical too')
print(logging.root.handlers, logging.lastResort.level)
logging.getLogger('y').addHandler(logging.NullHandler())
logging.getLogger('y').error('swallowed')
logging.getLogger('y.z').error('also swallowed')
traceback.print_exc()
print(traceback.format_exc(), end='')
h = logging.StreamHandler()
print(repr(h), h.stream is sys.stdout)
