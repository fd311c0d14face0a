# A thread started before any collection starts the collector's marker threads itself
# (GC_pthread_create); objects of both threads survive the collections that follow.
import gc
import threading

early = {}


def build(tag):
    early[tag] = [[tag, i, str(i)] for i in range(20000)]
    for _ in range(3):
        junk = [bytearray(64) for _ in range(5000)]
        gc.collect()
    early[tag + '-junk'] = len(junk)


t = threading.Thread(target=build, args=('thread',))
t.start()
build('main')
t.join()
for tag in ('thread', 'main'):
    print(tag, all(x == [tag, i, str(i)] for i, x in enumerate(early[tag])), early[tag + '-junk'])
