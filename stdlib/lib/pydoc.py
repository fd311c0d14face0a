"""Plain-text documentation, as help() shows it: the layout of CPython's pydoc for modules,
classes, routines and other objects, built from doc strings and signatures.

Pages are written straight to sys.stdout (no pager, no bold). Not provided: the HTML renderer
and server, the topic pages of help('if') (CPython's pydoc_data), help('modules')."""
import builtins
import inspect
import keyword
import os
import re
import reprlib
import sys

__all__ = ['help', 'doc', 'render_doc', 'describe', 'locate', 'getdoc']

_HIDDEN = {'__author__', '__builtins__', '__cached__', '__credits__', '__date__', '__doc__',
           '__file__', '__spec__', '__loader__', '__module__', '__name__', '__package__',
           '__path__', '__qualname__', '__slots__', '__version__'}

_NOT_FOUND = ('No Python documentation found for %r.\n'
              'Use help() to get the interactive help utility.\n'
              'Use help(str) for help on the str class.')


def _own_doc(obj):
    """obj's doc string unless it is just the one of obj's class (an instance's)."""
    try:
        doc = obj.__doc__
    except AttributeError:
        return None
    if not isinstance(doc, str):
        return None
    if obj is not type and not inspect.isclass(obj) and doc == getattr(type(obj), '__doc__', None):
        return None
    return doc


def _defining_class(func):
    """The class a function was defined in, found through its __qualname__."""
    parts = getattr(func, '__qualname__', '').split('.')[:-1]
    owner = sys.modules.get(getattr(func, '__module__', None))
    for part in parts:
        if part == '<locals>' or owner is None:
            return None
        owner = getattr(owner, part, None)
    return owner if inspect.isclass(owner) else None


def _inherited_doc(obj):
    """For a method without a doc string: the doc of the method it overrides."""
    if inspect.ismethod(obj):
        name, owner = obj.__func__.__name__, obj.__self__
        cls = owner if inspect.isclass(owner) else type(owner)
    elif inspect.isfunction(obj):
        name, cls = obj.__name__, _defining_class(obj)
    else:
        return None
    if cls is None:
        return None
    for base in cls.__mro__:
        doc = _own_doc(base.__dict__[name]) if name in base.__dict__ else None
        if doc is not None:
            return doc
    return None


def getdoc(obj):
    """The cleaned-up doc string of obj, or ''."""
    doc = _own_doc(obj)
    if doc is None:
        doc = _inherited_doc(obj)
    return inspect.cleandoc(doc).rstrip() if doc else ''


def splitdoc(doc):
    """(synopsis, rest) when the doc string starts with a one-line summary, else ('', doc)."""
    lines = doc.strip().split('\n')
    if len(lines) == 1:
        return lines[0], ''
    if len(lines) >= 2 and not lines[1].rstrip():
        return lines[0], '\n'.join(lines[2:])
    return '', '\n'.join(lines)


def _module_of(obj):
    """The module obj was defined in, as far as its __module__ tells."""
    if inspect.ismodule(obj):
        return obj
    name = getattr(obj, '__module__', None)
    return sys.modules.get(name) if isinstance(name, str) else None


def classname(cls, modname):
    name = cls.__qualname__
    if cls.__module__ != modname:
        name = cls.__module__ + '.' + name
    return name


def _is_data(obj):
    return not (inspect.ismodule(obj) or inspect.isclass(obj) or inspect.isroutine(obj))


def _is_data_descriptor(obj):
    cls = type(obj)
    return hasattr(cls, '__set__') or hasattr(cls, '__delete__')


def visiblename(name, all=None, obj=None):
    if name in _HIDDEN:
        return False
    if name.startswith('__') and name.endswith('__'):
        return True
    if name.startswith('_') and hasattr(obj, '_fields'):
        return True
    if all is not None:
        return name in all
    return not name.startswith('_')


def _cram(text, limit):
    if len(text) <= limit:
        return text
    head = max(0, (limit - 3) // 2)
    tail = max(0, limit - 3 - head)
    return text[:head] + '...' + text[len(text) - tail:]


_OBJECT_ID = re.compile(r' at 0x[0-9a-f]{6,16}(>+)$', re.IGNORECASE)


class _TextRepr(reprlib.Repr):
    """Reprs as the pages show values: containers and texts cut short, no object addresses."""

    def __init__(self):
        super().__init__()
        self.maxlist = self.maxtuple = 20
        self.maxdict = 10
        self.maxstring = self.maxother = 100

    def repr1(self, x, level):
        method = getattr(self, 'repr_' + '_'.join(type(x).__name__.split()), None)
        if method is not None:
            return method(x, level)
        return _cram(_OBJECT_ID.sub(r'\1', repr(x)), self.maxother)

    def repr_str(self, x, level):
        text = _cram(x, self.maxstring)
        shown = repr(text)
        # A text whose only escapes are doubled backslashes reads better as a raw literal.
        if '\\' in text and '\\' not in shown.replace('\\\\', ''):
            return 'r' + shown[0] + text + shown[0]
        return shown


_repr = _TextRepr().repr


def describe(thing):
    """A short description of what thing is."""
    if inspect.ismodule(thing):
        return ('package ' if hasattr(thing, '__path__') else 'module ') + thing.__name__
    if inspect.isbuiltin(thing):
        return 'built-in function ' + thing.__name__
    if isinstance(thing, property):
        return 'property'
    if inspect.isclass(thing):
        return 'class ' + thing.__name__
    if inspect.isfunction(thing):
        return 'function ' + thing.__name__
    if inspect.ismethod(thing):
        return 'method ' + thing.__name__
    return type(thing).__name__


def locate(path):
    """The object a dotted name refers to (importing modules on the way), or None."""
    parts = [part for part in path.split('.') if part]
    obj, n = builtins, 0
    while n < len(parts):
        name = '.'.join(parts[:n + 1])
        try:
            __import__(name)
        except ImportError:
            break
        obj, n = sys.modules[name], n + 1
    for part in parts[n:]:
        try:
            obj = getattr(obj, part)
        except AttributeError:
            return None
    return obj


def _indent(text, prefix='    '):
    if not text:
        return ''
    lines = [prefix + line for line in text.split('\n')]
    lines[-1] = lines[-1].rstrip()
    return '\n'.join(lines)


def _section(title, contents):
    return title + '\n' + _indent(contents).rstrip() + '\n\n'


def _split(items, predicate):
    yes, no = [], []
    for item in items:
        (yes if predicate(item) else no).append(item)
    return yes, no


def _class_tree(classes):
    """[(cls, bases), [subtree], ...] for the classes of a module and their bases."""
    children, roots = {}, []
    for cls in classes:
        if cls.__bases__:
            for parent in cls.__bases__:
                children.setdefault(parent, [])
                if cls not in children[parent]:
                    children[parent].append(cls)
                if parent in classes:
                    break
        elif cls not in roots:
            roots.append(cls)
    for parent in children:
        if parent not in classes:
            roots.append(parent)

    def walk(level):
        result = []
        for cls in sorted(level, key=lambda c: (c.__module__, c.__name__)):
            result.append((cls, cls.__bases__))
            if cls in children:
                result.append(walk(children[cls]))
        return result
    return walk(roots)


def _format_tree(tree, modname, parent=None, prefix=''):
    result, cls = '', None
    for entry in tree:
        if isinstance(entry, tuple):
            cls, bases = entry
            result += prefix + classname(cls, modname)
            if bases and bases != (parent,):
                result += '(%s)' % ', '.join(classname(base, modname) for base in bases)
            result += '\n'
        else:
            result += _format_tree(entry, modname, cls, prefix + '    ')
    return result


def _class_attrs(cls):
    """(name, kind, defining class, raw value) for every attribute of cls, like pydoc's."""
    result = []
    for name in dir(cls):
        home = next((base for base in cls.__mro__ if name in base.__dict__), None)
        if home is None:
            continue
        raw = home.__dict__[name]
        if isinstance(raw, staticmethod):
            kind = 'static method'
        elif isinstance(raw, classmethod):
            kind = 'class method'
        elif isinstance(raw, property):
            kind = 'readonly property' if raw.fset is None else 'data descriptor'
        elif _is_data_descriptor(raw):
            kind = 'data descriptor'
        elif inspect.isroutine(raw) or inspect.isroutine(getattr(cls, name, None)):
            kind = 'method'
        else:
            kind = 'data'
        result.append((name, kind, home, raw))
    return result


def _signature_text(obj):
    try:
        return str(inspect.signature(obj))
    except (ValueError, TypeError):
        return None


class TextDoc:
    """Formats the documentation of an object as text."""

    def document(self, obj, name=None, *args):
        if inspect.ismodule(obj):
            return self.docmodule(obj, name, *args)
        if inspect.isclass(obj):
            return self.docclass(obj, name, *args)
        if inspect.isroutine(obj):
            return self.docroutine(obj, name, *args)
        if isinstance(obj, property) or _is_data_descriptor(obj):
            return self.docdata(obj, name, *args)
        return self.docother(obj, name, *args)

    def docmodule(self, obj, name=None, mod=None):
        name = obj.__name__
        synopsis, description = splitdoc(getdoc(obj))
        result = _section('NAME', name + (synopsis and ' - ' + synopsis))
        if description:
            result += _section('DESCRIPTION', description)
        all = getattr(obj, '__all__', None)
        members = sorted(vars(obj).items())
        classes = [(key, value) for key, value in members if inspect.isclass(value)
                   and (all is not None or (_module_of(value) or obj) is obj)
                   and visiblename(key, all, obj)]
        funcs = [(key, value) for key, value in members if inspect.isroutine(value)
                 and (all is not None or inspect.isbuiltin(value) or _module_of(value) is obj)
                 and visiblename(key, all, obj)]
        data = [(key, value) for key, value in members if _is_data(value)
                and visiblename(key, all, obj)]
        if classes:
            contents = [_format_tree(_class_tree([value for key, value in classes]), name)]
            contents += [self.document(value, key, name) for key, value in classes]
            result += _section('CLASSES', '\n'.join(contents))
        if funcs:
            result += _section('FUNCTIONS', '\n'.join(self.document(value, key, name)
                                                      for key, value in funcs))
        if data:
            result += _section('DATA', '\n'.join(self.docother(value, key, name, maxlen=70)
                                                 for key, value in data))
        for field, title in (('__version__', 'VERSION'), ('__date__', 'DATE'),
                             ('__author__', 'AUTHOR'), ('__credits__', 'CREDITS')):
            if hasattr(obj, field):
                result += _section(title, str(getattr(obj, field)))
        file = getattr(obj, '__file__', None)
        # Modules embedded in the binary are named like '<frozen json>'.
        real = isinstance(file, str) and not file.startswith('<')
        result += _section('FILE', os.path.abspath(file) if real else '(built-in)')
        return result

    def docclass(self, obj, name=None, mod=None, *ignored):
        realname = obj.__name__
        name = name or realname
        modname = obj.__module__
        title = ('class ' + realname) if name == realname else (name + ' = class ' + realname)
        if obj.__bases__:
            title += '(%s)' % ', '.join(classname(base, modname) for base in obj.__bases__)
        contents = []
        push = contents.append
        argspec = _signature_text(obj)
        if argspec and argspec != '()':
            push(name + argspec + '\n')
        doc = getdoc(obj)
        if doc:
            push(doc + '\n')
        mro = list(obj.__mro__)
        if len(mro) > 2:
            push('Method resolution order:')
            for base in mro:
                push('    ' + classname(base, modname))
            push('')

        rule_needed = False

        def spill(message, attrs, predicate, render):
            nonlocal rule_needed
            chosen, rest = _split(attrs, predicate)
            if chosen:
                if rule_needed:
                    push('-' * 70)
                rule_needed = True
                push(message)
                for attr in chosen:
                    push(render(attr))
            return rest

        def routine(attr):
            attr_name, kind, home, raw = attr
            try:
                value = getattr(obj, attr_name)
            except Exception:
                # A descriptor whose __get__ fails on the class is listed by name and doc.
                return self.docdata(raw, attr_name, mod)
            return self.document(value, attr_name, mod, obj)

        def data(attr):
            attr_name, kind, home, raw = attr
            try:
                value = getattr(obj, attr_name)
            except AttributeError:
                value = raw
            return self.docother(value, attr_name, mod, maxlen=70) + '\n'

        attrs = [attr for attr in _class_attrs(obj) if visiblename(attr[0], obj=obj)]
        while attrs:
            here = mro.pop(0) if mro else attrs[0][2]
            attrs, inherited = _split(attrs, lambda attr: attr[2] is here)
            if here is builtins.object and obj is not builtins.object:
                attrs = inherited
                continue
            tag = 'defined here' if here is obj else 'inherited from ' + classname(here, modname)
            attrs.sort(key=lambda attr: attr[0])
            attrs = spill('Methods %s:\n' % tag, attrs, lambda a: a[1] == 'method', routine)
            attrs = spill('Class methods %s:\n' % tag, attrs, lambda a: a[1] == 'class method', routine)
            attrs = spill('Static methods %s:\n' % tag, attrs, lambda a: a[1] == 'static method', routine)
            attrs = spill('Readonly properties %s:\n' % tag, attrs,
                          lambda a: a[1] == 'readonly property', lambda a: self.docdata(a[3], a[0], mod))
            attrs = spill('Data descriptors %s:\n' % tag, attrs,
                          lambda a: a[1] == 'data descriptor', lambda a: self.docdata(a[3], a[0], mod))
            attrs = spill('Data and other attributes %s:\n' % tag, attrs, lambda a: a[1] == 'data', data)
            attrs = inherited
        text = '\n'.join(contents)
        if not text:
            return title + '\n'
        return title + '\n' + _indent(text.rstrip(), ' |  ') + '\n'

    def docroutine(self, obj, name=None, mod=None, cl=None):
        realname = obj.__name__
        name = name or realname
        note = ''
        skip_doc = False
        owner = getattr(obj, '__self__', None)
        if inspect.ismethod(obj) or (inspect.isbuiltin(obj) and owner is not None
                                     and not inspect.ismodule(owner)):
            owner_class = type(owner)
            if cl:
                if owner_class is not cl:
                    note = ' from ' + classname(owner_class, mod)
            else:
                note = ' method of %s instance' % classname(owner_class, mod)
        prefix = 'async ' if inspect.iscoroutinefunction(obj) or inspect.isasyncgenfunction(obj) else ''
        if name == realname:
            title = realname
        else:
            if cl is not None and cl.__dict__.get(realname) is obj:
                skip_doc = True
            title = name + ' = ' + realname
        argspec = _signature_text(obj)
        if argspec and realname == '<lambda>':
            title = name + ' lambda '
            argspec = argspec[1:-1]
        decl = prefix + title + (argspec or '(...)') + note
        if skip_doc:
            return decl + '\n'
        doc = getdoc(obj)
        return decl + '\n' + (doc and _indent(doc).rstrip() + '\n')

    def docdata(self, obj, name=None, mod=None, cl=None):
        text = (name + '\n') if name else ''
        doc = getdoc(obj)
        if doc:
            text += _indent(doc) + '\n'
        return text

    def docother(self, obj, name=None, mod=None, parent=None, maxlen=None, doc=None):
        text = _repr(obj)
        if maxlen:
            line = (name + ' = ' if name else '') + text
            chop = maxlen - len(line)
            if chop < 0:
                text = text[:chop] + '...'
        line = (name + ' = ' if name else '') + text
        if doc is not None:
            line += '\n' + _indent(str(doc))
        return line


text = TextDoc()


def resolve(thing):
    """(object, name): a dotted name is looked up, any other object is itself."""
    if isinstance(thing, str):
        obj = locate(thing)
        if obj is None:
            raise ImportError(_NOT_FOUND % thing)
        return obj, thing
    return thing, getattr(thing, '__name__', None)


def render_doc(thing, title='Python Library Documentation: %s', forceload=0, renderer=None):
    """The documentation page of thing, under a title line."""
    renderer = renderer or text
    obj, name = resolve(thing)
    desc = describe(obj)
    module = _module_of(obj)
    if name and '.' in name:
        desc += ' in ' + name[:name.rfind('.')]
    elif module and module is not obj:
        desc += ' in module ' + module.__name__
    if not (inspect.ismodule(obj) or inspect.isclass(obj) or inspect.isroutine(obj)
            or isinstance(obj, property) or _is_data_descriptor(obj) or _own_doc(obj)):
        # An instance or a piece of data: document what can be done with it, its class.
        obj = type(obj)
        desc += ' object'
    return title % desc + '\n\n' + renderer.document(obj, name)


def doc(thing, title='Python Library Documentation: %s', forceload=0, output=None):
    """Writes the documentation of thing to output (sys.stdout by default)."""
    try:
        page = render_doc(thing, title, forceload)
    except ImportError as error:
        print(error)
        return
    (output or sys.stdout).write(page)


# help() without an argument; help(None) documents None.
_GO_INTERACTIVE = object()


class Helper:
    """The help() object: help(thing) shows one page, help() runs the interactive utility."""

    def __init__(self, input=None, output=None):
        self._input = input
        self._output = output

    input = property(lambda self: self._input or sys.stdin)
    output = property(lambda self: self._output or sys.stdout)

    def __repr__(self):
        return '<%s.%s instance>' % (self.__class__.__module__, self.__class__.__qualname__)

    def __call__(self, request=_GO_INTERACTIVE):
        if request is not _GO_INTERACTIVE:
            self.help(request)
        else:
            self.intro()
            self.interact()
            self.output.write('''
You are now leaving help and returning to the minipy interpreter.
If you want to ask for help on a particular object directly from the
interpreter, you can type "help(object)".  Executing "help('string')"
has the same effect as typing a particular string at the help> prompt.
''')

    def interact(self):
        self.output.write('\n')
        while True:
            try:
                line = self.getline('help> ')
            except (KeyboardInterrupt, EOFError):
                break
            request = line.replace('"', '').replace("'", '').strip()
            if request.lower() in ('q', 'quit'):
                break
            if request == 'help':
                self.intro()
            elif request:
                self.help(request)

    def getline(self, prompt):
        if self._input is None:
            return input(prompt)
        self.output.write(prompt)
        self.output.flush()
        line = self.input.readline()
        if not line:
            raise EOFError
        return line

    def help(self, request):
        if isinstance(request, str):
            request = request.strip()
            if request == 'keywords':
                self.listkeywords()
            elif request in ('True', 'False', 'None'):
                doc(eval(request), 'Help on %s:', output=self._output)
            elif keyword.iskeyword(request):
                self.output.write('\nSorry, topic and keyword documentation is not available '
                                  'in minipy.\n')
            elif request:
                doc(request, 'Help on %s:', output=self._output)
            else:
                doc(str, 'Help on %s:', output=self._output)
        elif isinstance(request, Helper):
            self()
        else:
            doc(request, 'Help on %s:', output=self._output)
        self.output.write('\n')

    def intro(self):
        self.output.write('''
Welcome to minipy's help utility, for Python 3.11! If this is your first
time using Python, you should definitely check out the tutorial at
https://docs.python.org/3.11/tutorial/.

Enter the name of any module, class or function (dotted names such as
"os.path.join" work too) to get its documentation, or "keywords" for the
list of Python keywords.

To quit this help utility and return to the interpreter,
enter "q" or "quit".
''')

    def listkeywords(self):
        self.output.write('\nHere is a list of the Python keywords.  '
                          'Enter any keyword to get more help.\n\n')
        self.list(keyword.kwlist)

    def list(self, items, columns=4, width=80):
        items = sorted(items)
        column_width = width // columns
        rows = (len(items) + columns - 1) // columns
        for row in range(rows):
            for col in range(columns):
                i = col * rows + row
                if i < len(items):
                    self.output.write(items[i])
                    if col < columns - 1:
                        self.output.write(' ' * (column_width - len(items[i])))
            self.output.write('\n')


help = Helper()


if __name__ == '__main__':
    # `minipy -m pydoc NAME...` prints the page of each name (no -k, -p, -w options).
    if len(sys.argv) < 2:
        print('usage: pydoc NAME...\n    Show the documentation of NAME (a module, or a dotted '
              'name such as os.path.join).')
        sys.exit(2)
    for arg in sys.argv[1:]:
        help.help(arg)
