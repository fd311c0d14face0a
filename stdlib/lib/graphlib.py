"""Topological sorting of a graph of hashable nodes (TopologicalSorter)."""

from types import GenericAlias

__all__ = ["TopologicalSorter", "CycleError"]

# Values of _Node.waiting once the node has left the "waiting" state.
_PASSED_OUT = -1
_DONE = -2

# Marks an exhausted successor iterator in _find_cycle().
_END = object()


class _Node:
    __slots__ = ("node", "waiting", "successors")

    def __init__(self, node):
        self.node = node
        # How many predecessors are not done yet (or _PASSED_OUT / _DONE).
        self.waiting = 0
        # Repeated as often as the edge was added, so done() releases it that often.
        self.successors = []


class CycleError(ValueError):
    """Raised by prepare() when the graph has a cycle.

    args[1] lists the nodes of one cycle, the first node repeated at the end,
    each node a predecessor of the next one."""


class TopologicalSorter:
    """Sorts a graph of hashable nodes topologically, all at once or in steps."""

    def __init__(self, graph=None):
        self._nodes = {}
        self._ready = None  # a list once prepare() has been called
        self._passed_out = 0
        self._finished = 0
        if graph is not None:
            for node, predecessors in graph.items():
                self.add(node, *predecessors)

    def _info(self, node):
        info = self._nodes.get(node)
        if info is None:
            info = self._nodes[node] = _Node(node)
        return info

    def add(self, node, *predecessors):
        """Adds node, and an edge to it from each of predecessors."""
        if self._ready is not None:
            raise ValueError("Nodes cannot be added after a call to prepare()")
        self._info(node).waiting += len(predecessors)
        for pred in predecessors:
            self._info(pred).successors.append(node)

    def prepare(self):
        """Ends the building of the graph; raises CycleError if it has a cycle."""
        if self._ready is not None:
            raise ValueError("cannot prepare() more than once")
        self._ready = [i.node for i in self._nodes.values() if i.waiting == 0]
        cycle = self._find_cycle()
        if cycle:
            raise CycleError("nodes are in a cycle", cycle)

    def get_ready(self):
        """Returns a tuple of the nodes whose predecessors are all done."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        result = tuple(self._ready)
        for node in result:
            self._nodes[node].waiting = _PASSED_OUT
        self._ready.clear()
        self._passed_out += len(result)
        return result

    def is_active(self):
        """True while some node is ready or passed out but not done."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        return self._finished < self._passed_out or bool(self._ready)

    def __bool__(self):
        return self.is_active()

    def done(self, *nodes):
        """Marks nodes (returned by get_ready()) as processed."""
        if self._ready is None:
            raise ValueError("prepare() must be called first")
        for node in nodes:
            info = self._nodes.get(node)
            if info is None:
                raise ValueError(f"node {node!r} was not added using add()")
            if info.waiting == _DONE:
                raise ValueError(f"node {node!r} was already marked done")
            if info.waiting != _PASSED_OUT:
                raise ValueError(f"node {node!r} was not passed out (still not ready)")
            info.waiting = _DONE
            for succ in info.successors:
                succ_info = self._nodes[succ]
                succ_info.waiting -= 1
                if succ_info.waiting == 0:
                    self._ready.append(succ)
            self._finished += 1

    def _find_cycle(self):
        # Depth-first search along successor edges, from each node in insertion
        # order; reaching a node on the current path closes a cycle.
        seen = set()
        for start in self._nodes:
            if start in seen:
                continue
            path = [start]
            on_path = {start: 0}
            pending = [iter(self._nodes[start].successors)]
            seen.add(start)
            while pending:
                succ = next(pending[-1], _END)
                if succ is _END:
                    del on_path[path.pop()]
                    pending.pop()
                elif succ in on_path:
                    return path[on_path[succ]:] + [succ]
                elif succ not in seen:
                    seen.add(succ)
                    on_path[succ] = len(path)
                    path.append(succ)
                    pending.append(iter(self._nodes[succ].successors))
        return None

    def static_order(self):
        """Yields all nodes in a topological order (calls prepare())."""
        self.prepare()
        while self.is_active():
            group = self.get_ready()
            yield from group
            self.done(*group)

    __class_getitem__ = classmethod(GenericAlias)

