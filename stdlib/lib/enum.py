"""Enumerations: Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique.

The metaclass collects the members from the finished class namespace (a
plain dict; no __prepare__), in definition order, and creates them after
the class itself.  Consequences: auto() values are resolved in definition
order as usual, but a name assigned twice in the class body silently keeps
its last value instead of raising.

Interpreter features used: metaclasses (__new__, __call__, __iter__,
__len__, __contains__, __getitem__, __setattr__, __delattr__, __repr__ on
EnumType), descriptors, and sys._getframe for the module of enums created
with the functional API.
"""

import sys

# The type of read-only mapping views (types.MappingProxyType).
MappingProxyType = type(type.__dict__)

__all__ = ['EnumType', 'EnumMeta', 'Enum', 'IntEnum', 'StrEnum', 'Flag',
           'IntFlag', 'ReprEnum', 'auto', 'unique']


class _AutoNull:
    def __repr__(self):
        return '_auto_null'


_auto_null = _AutoNull()


class auto:
    """Instances are replaced with an appropriate value in Enum class
    suites."""

    def __init__(self, value=_auto_null):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)

    # Members are created after the class body has run, so in a body such
    # as "A = auto(); B = auto(); AB = A | B" the operands are still auto
    # objects: combining them is deferred until their values are known.

    def _resolve(self):
        return self.value

    def __or__(self, other):
        return _AutoOp(lambda a, b: a | b, self, other)

    def __ror__(self, other):
        return _AutoOp(lambda a, b: a | b, other, self)

    def __and__(self, other):
        return _AutoOp(lambda a, b: a & b, self, other)

    def __rand__(self, other):
        return _AutoOp(lambda a, b: a & b, other, self)

    def __xor__(self, other):
        return _AutoOp(lambda a, b: a ^ b, self, other)

    def __rxor__(self, other):
        return _AutoOp(lambda a, b: a ^ b, other, self)


class _AutoOp(auto):
    """A deferred operation on auto() values (see auto)."""

    def __init__(self, op, left, right):
        super().__init__()
        self._op = op
        self._left = left
        self._right = right

    def _resolve(self):
        left, right = self._left, self._right
        if isinstance(left, auto):
            left = left._resolve()
        if isinstance(right, auto):
            right = right._resolve()
        return self._op(left, right)


def _is_dunder(name):
    return (len(name) > 4 and name[:2] == name[-2:] == '__' and
            name[2] != '_' and name[-3] != '_')


def _is_sunder(name):
    return (len(name) > 2 and name[0] == name[-1] == '_' and
            name[1] != '_' and name[-2] != '_')


def _is_private(cls_name, name):
    pattern = '_%s__' % (cls_name,)
    return (len(name) > len(pattern) and name.startswith(pattern) and
            not name.endswith('__'))


def _is_descriptor(obj):
    return (hasattr(obj, '__get__') or hasattr(obj, '__set__') or
            hasattr(obj, '__delete__'))


def _is_single_bit(num):
    return num != 0 and num & (num - 1) == 0


def _bin(num, max_bits=None):
    """Two's complement binary of num as 'sign digits', e.g. '0b0 1000'
    (used in Flag error messages)."""
    ceiling = 2 ** num.bit_length()
    if num >= 0:
        s = bin(num + ceiling).replace('1', '0', 1)
    else:
        s = bin(~num ^ (ceiling - 1) + ceiling)
    sign = s[:3]
    digits = s[3:]
    if max_bits is not None and len(digits) < max_bits:
        digits = (sign[-1] * max_bits + digits)[-max_bits:]
    return '%s %s' % (sign, digits)


class _EnumAttribute:
    """The read-only name/value attributes of members.  An enum may also
    have members called 'name' or 'value': those are found through this
    descriptor when looked up on the class."""

    def __init__(self, attr, doc):
        self._attr = attr
        self.__doc__ = doc

    def __get__(self, instance, owner=None):
        if instance is None:
            member_map = getattr(owner, '_member_map_', {})
            if self._attr in member_map:
                return member_map[self._attr]
            return self
        return instance.__dict__['_' + self._attr + '_']

    def __set__(self, instance, value):
        raise AttributeError("<enum 'Enum'> cannot set attribute %r"
                             % self._attr)

    def __delete__(self, instance):
        raise AttributeError("<enum 'Enum'> cannot delete attribute %r"
                             % self._attr)


# The classes below are defined by this module; until they exist the
# metaclass must not refer to them.
Enum = ReprEnum = Flag = None


class EnumType(type):
    """Metaclass for Enum"""

    def __new__(metacls, cls, bases, classdict, **kwds):
        member_type, first_enum = metacls._get_mixins_(cls, bases)

        members = []
        namespace = {}
        for key, value in classdict.items():
            if (first_enum is not None and not _is_dunder(key) and
                    not _is_sunder(key) and not _is_private(cls, key) and
                    not _is_descriptor(value)):
                members.append((key, value))
            else:
                namespace[key] = value

        new_member, save_new, use_args = metacls._find_new_(
            namespace, member_type, first_enum)
        enum_class = super().__new__(metacls, cls, bases, namespace, **kwds)
        for name, value in (('_member_names_', []), ('_member_map_', {}),
                            ('_value2member_map_', {}),
                            ('_unhashable_values_', []),
                            ('_member_type_', member_type),
                            ('_new_member_', new_member),
                            ('_use_args_', use_args)):
            type.__setattr__(enum_class, name, value)
        is_flag = Flag is not None and issubclass(enum_class, Flag)

        if first_enum is not None:
            # Enum's own methods win over those of the data type.
            for name in ('__repr__', '__str__', '__format__'):
                if name not in namespace:
                    found = getattr(enum_class, name)
                    if found in (getattr(member_type, name),
                                 getattr(object, name)):
                        type.__setattr__(enum_class, name,
                                         getattr(first_enum, name))
            if save_new:
                type.__setattr__(enum_class, '__new_member__', new_member)
            type.__setattr__(enum_class, '__new__', Enum.__new__)
        if ReprEnum is not None and issubclass(enum_class, ReprEnum):
            # str() and format() of IntEnum etc. are those of the data type.
            if '__format__' not in namespace:
                type.__setattr__(enum_class, '__format__',
                                 member_type.__format__)
            if '__str__' not in namespace:
                method = member_type.__str__
                if method is object.__str__:
                    method = member_type.__repr__
                type.__setattr__(enum_class, '__str__', method)

        generate = getattr(enum_class, '_generate_next_value_', None)
        last_values = []
        for name, value in members:
            if isinstance(value, _AutoOp):
                value = value._resolve()
            elif isinstance(value, auto):
                if value.value is _auto_null:
                    value.value = generate(name, 1,
                                           len(enum_class._member_names_),
                                           last_values[:])
                value = value.value
            metacls._add_member_(enum_class, name, value, is_flag)
            last_values.append(enum_class._member_map_[name]._value_)

        if is_flag:
            mask = 0
            for member in enum_class._member_map_.values():
                if _is_single_bit(member._value_):
                    mask |= member._value_
            type.__setattr__(enum_class, '_flag_mask_', mask)
        return enum_class

    @staticmethod
    def _add_member_(enum_class, name, value, is_flag):
        member_type = enum_class._member_type_
        args = value if isinstance(value, tuple) else (value,)
        if member_type is tuple:
            args = (args,)
        if not enum_class._use_args_:
            member = enum_class._new_member_(enum_class)
        else:
            member = enum_class._new_member_(enum_class, *args)
        if '_value_' not in member.__dict__:
            if member_type is object:
                member._value_ = value
            else:
                member._value_ = member_type(*args)
        value = member._value_
        member._name_ = name
        member.__init__(*args)
        # An existing member with an equal value makes this an alias.
        try:
            canonical = enum_class._value2member_map_.get(value)
        except TypeError:
            canonical = None
            for other in enum_class._member_map_.values():
                if other._value_ == value:
                    canonical = other
                    break
        if canonical is not None:
            member = canonical
        elif not is_flag or _is_single_bit(value):
            # Multi-bit (and zero) flags are named aliases, not canonical.
            enum_class._member_names_.append(name)
        enum_class._member_map_[name] = member
        try:
            enum_class._value2member_map_.setdefault(value, member)
        except TypeError:
            enum_class._unhashable_values_.append(value)
        # Members are class attributes, except that 'name' and 'value' must
        # stay the descriptors that members use (which also find members of
        # those names on the class).
        if not any(isinstance(klass.__dict__.get(name), _EnumAttribute)
                   for klass in enum_class.__mro__):
            type.__setattr__(enum_class, name, member)

    @staticmethod
    def _get_mixins_(class_name, bases):
        """Return (member data type, first enum base) for a new class."""
        if not bases:
            return object, Enum
        for base in bases:
            if isinstance(base, EnumType) and base._member_names_:
                raise TypeError('<enum %r> cannot extend %r'
                                % (class_name, base))
        first_enum = bases[-1]
        if not isinstance(first_enum, EnumType):
            raise TypeError('new enumerations should be created as '
                            '`EnumName([mixin_type, ...] [data_type,] '
                            'enum_type)`')
        data_types = []
        for chain in bases:
            candidate = None
            for base in chain.__mro__:
                if base is object:
                    continue
                if isinstance(base, EnumType):
                    if base._member_type_ is not object:
                        data_types.append(base._member_type_)
                        break
                elif '__new__' in base.__dict__:
                    data_types.append(candidate or base)
                    break
                else:
                    candidate = candidate or base
        data_types = list(dict.fromkeys(data_types))
        if len(data_types) > 1:
            raise TypeError('too many data types for %r: %r'
                            % (class_name, set(data_types)))
        return (data_types[0] if data_types else object), first_enum

    @staticmethod
    def _find_new_(namespace, member_type, first_enum):
        """The function that creates members: a __new__ from the class
        body, else the data type's; and whether it takes the value."""
        new = namespace.get('__new__')
        save_new = first_enum is not None and new is not None
        if new is None:
            for method in ('__new_member__', '__new__'):
                for possible in (member_type, first_enum):
                    target = getattr(possible, method, None)
                    if target not in (None, object.__new__) and \
                            (Enum is None or target is not Enum.__new__):
                        new = target
                        break
                if new is not None:
                    break
            else:
                new = object.__new__
        use_args = not (first_enum is None or new is object.__new__ or
                        (Enum is not None and new is Enum.__new__))
        return new, save_new, use_args

    def __call__(cls, value, names=None, *, module=None, qualname=None,
                 type=None, start=1):
        """Look up a member by value (Color(1)), or create a new enum class
        with the functional API (Enum('Color', 'RED GREEN'))."""
        if names is None:
            return cls.__new__(cls, value)
        return cls._create_(value, names, module=module, qualname=qualname,
                            type=type, start=start)

    def _create_(cls, class_name, names, *, module=None, qualname=None,
                 type=None, start=1):
        metacls = cls.__class__
        bases = (cls,) if type is None else (type, cls)
        if isinstance(names, str):
            names = names.replace(',', ' ').split()
        if isinstance(names, (tuple, list)) and names and \
                isinstance(names[0], str):
            original_names, names = names, []
            last_values = []
            for count, name in enumerate(original_names):
                value = cls._generate_next_value_(name, start, count,
                                                  last_values[:])
                last_values.append(value)
                names.append((name, value))
        classdict = {}
        for item in names:
            if isinstance(item, str):
                member_name, member_value = item, names[item]
            else:
                member_name, member_value = item
            classdict[member_name] = member_value
        if module is None:
            try:
                module = sys._getframe(2).f_globals['__name__']
            except (AttributeError, ValueError, KeyError):
                pass
        if module is not None:
            classdict['__module__'] = module
        if qualname is not None:
            classdict['__qualname__'] = qualname
        return metacls.__new__(metacls, class_name, bases, classdict)

    def __contains__(cls, member):
        if not isinstance(member, Enum):
            import warnings
            warnings.warn(
                "in 3.12 __contains__ will no longer raise TypeError, but "
                "will return True or\nFalse depending on whether the value "
                "is a member or the value of a member",
                DeprecationWarning, stacklevel=2)
            raise TypeError(
                "unsupported operand type(s) for 'in': '%s' and '%s'"
                % (type(member).__qualname__, cls.__class__.__qualname__))
        return isinstance(member, cls) and member._name_ in cls._member_map_

    def __delattr__(cls, attr):
        if attr in cls._member_map_:
            raise AttributeError('%r cannot delete member %r.'
                                 % (cls.__name__, attr))
        super().__delattr__(attr)

    def __getitem__(cls, name):
        return cls._member_map_[name]

    def __iter__(cls):
        return (cls._member_map_[name] for name in cls._member_names_)

    def __reversed__(cls):
        return (cls._member_map_[name]
                for name in reversed(cls._member_names_))

    def __len__(cls):
        return len(cls._member_names_)

    def __bool__(cls):
        return True

    @property
    def __members__(cls):
        """Returns a mapping of member name->value, including aliases."""
        return MappingProxyType(cls._member_map_)

    def __repr__(cls):
        if Flag is not None and issubclass(cls, Flag):
            return "<flag %r>" % cls.__name__
        return "<enum %r>" % cls.__name__

    def __setattr__(cls, name, value):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError('cannot reassign member %r' % (name,))
        super().__setattr__(name, value)


EnumMeta = EnumType


class Enum(metaclass=EnumType):
    """Create a collection of name/value pairs.

    Members are looked up by value with Color(1) and by name with
    Color['RED']; iterating the class gives the members (without
    aliases) in definition order."""

    def __new__(cls, value):
        # Lookup of an existing member by value (members themselves are
        # created by the metaclass).
        if type(value) is cls:
            return value
        try:
            return cls._value2member_map_[value]
        except KeyError:
            pass
        except TypeError:
            for member in cls._member_map_.values():
                if member._value_ == value:
                    return member
        try:
            exc = None
            result = cls._missing_(value)
        except Exception as e:
            exc = e
            result = None
        if isinstance(result, cls):
            return result
        ve_exc = ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        if result is None and exc is None:
            raise ve_exc
        if exc is None:
            exc = TypeError('error in %s._missing_: returned %r instead of '
                            'None or a valid member'
                            % (cls.__name__, result))
        if not isinstance(exc, ValueError):
            exc.__context__ = ve_exc
        raise exc

    def __init__(self, *args, **kwds):
        pass

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """Generate the next value when not given: one more than the
        largest value so far, or start."""
        if not last_values:
            return start
        try:
            last_value = sorted(last_values).pop()
        except TypeError:
            raise TypeError('unable to sort non-numeric values') from None
        try:
            return last_value + 1
        except TypeError:
            raise TypeError('unable to increment %r' % (last_value,)) \
                from None

    @classmethod
    def _missing_(cls, value):
        return None

    def __repr__(self):
        return '<%s.%s: %r>' % (self.__class__.__name__, self._name_,
                                self._value_)

    def __str__(self):
        return '%s.%s' % (self.__class__.__name__, self._name_)

    def __format__(self, format_spec):
        return str.__format__(str(self), format_spec)

    def __hash__(self):
        return hash(self._name_)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    name = _EnumAttribute('name', 'The name of the Enum member.')
    value = _EnumAttribute('value', 'The value of the Enum member.')


class ReprEnum(Enum):
    """Only changes the repr(), leaving str() and format() to the mixed-in
    type."""


class IntEnum(int, ReprEnum):
    """Enum where members are also (and must be) ints"""


class StrEnum(str, ReprEnum):
    """Enum where members are also (and must be) strings"""

    def __new__(cls, *values):
        # Creates members (the metaclass passes the value's parts).
        if len(values) > 3:
            raise TypeError('too many arguments for str(): %r' % (values,))
        if len(values) == 1 and not isinstance(values[0], str):
            raise TypeError('%r is not a string' % (values[0],))
        if len(values) >= 2 and not isinstance(values[1], str):
            raise TypeError('encoding must be a string, not %r'
                            % (values[1],))
        if len(values) == 3 and not isinstance(values[2], str):
            raise TypeError('errors must be a string, not %r' % (values[2],))
        value = str(*values)
        member = str.__new__(cls, value)
        member._value_ = value
        return member

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """Return the lower-cased version of the member name."""
        return name.lower()


class Flag(Enum):
    """Support for flags: members combine with |, & and ^.

    Single-bit members are the canonical ones (iteration, len); named
    multi-bit values are aliases, and other combinations are created on
    demand with names like 'R|W'."""

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        """Generate the next value: the next power of two."""
        if not count:
            return start if start is not None else 1
        last_value = max(last_values)
        return 2 ** last_value.bit_length()

    @classmethod
    def _missing_(cls, value):
        """Create a composite member containing all canonical members
        present in value."""
        if not isinstance(value, int):
            raise ValueError('%r is not a valid %s' % (value, cls.__qualname__))
        mask = cls._flag_mask_
        extra = value & ~mask
        if value < 0 or extra and cls._member_type_ is object:
            max_bits = max(value.bit_length(), mask.bit_length())
            raise ValueError('%r invalid value %r\n    given %s\n  allowed %s'
                             % (cls, value, _bin(value, max_bits),
                                _bin(mask, max_bits)))
        if cls._member_type_ is object:
            pseudo_member = object.__new__(cls)
        else:
            pseudo_member = cls._member_type_.__new__(cls, value)
        pseudo_member._value_ = value
        names = [m._name_ for m in cls._iter_member_(value)]
        if extra:
            names.append(str(extra))
        pseudo_member._name_ = '|'.join(names) if names else None
        return cls._value2member_map_.setdefault(value, pseudo_member)

    @classmethod
    def _iter_member_(cls, value):
        for name in cls._member_names_:
            member = cls._member_map_[name]
            if member._value_ & value == member._value_:
                yield member

    def __contains__(self, other):
        """Returns True if self has at least the same flags set as
        other."""
        if not isinstance(other, self.__class__):
            raise TypeError(
                "unsupported operand type(s) for 'in': %r and %r"
                % (type(other).__qualname__, self.__class__.__qualname__))
        return other._value_ & self._value_ == other._value_

    def __iter__(self):
        """Returns flags in definition order."""
        return self._iter_member_(self._value_)

    def __len__(self):
        return sum(1 for _ in self._iter_member_(self._value_))

    def __repr__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '<%s: %r>' % (cls_name, self._value_)
        return '<%s.%s: %r>' % (cls_name, self._name_, self._value_)

    def __str__(self):
        cls_name = self.__class__.__name__
        if self._name_ is None:
            return '%s(%r)' % (cls_name, self._value_)
        return '%s.%s' % (cls_name, self._name_)

    def __bool__(self):
        return bool(self._value_)

    def _other_value(self, other):
        if isinstance(other, self.__class__):
            return other._value_
        if self._member_type_ is not object and \
                isinstance(other, self._member_type_):
            return other
        return NotImplemented

    def __or__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return other
        return self.__class__(self._value_ | other)

    def __and__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return other
        return self.__class__(self._value_ & other)

    def __xor__(self, other):
        other = self._other_value(other)
        if other is NotImplemented:
            return other
        return self.__class__(self._value_ ^ other)

    def __invert__(self):
        return self.__class__(self._flag_mask_ & ~self._value_)

    __ror__ = __or__
    __rand__ = __and__
    __rxor__ = __xor__


class IntFlag(int, ReprEnum, Flag):
    """Support for integer-based Flags; bits outside the defined flags are
    kept."""

    # int comes first in the MRO: take the flag operators explicitly.
    __or__ = Flag.__or__
    __and__ = Flag.__and__
    __xor__ = Flag.__xor__
    __ror__ = Flag.__ror__
    __rand__ = Flag.__rand__
    __rxor__ = Flag.__rxor__
    __invert__ = Flag.__invert__


def unique(enumeration):
    """Class decorator for enumerations ensuring unique member values."""
    duplicates = []
    for name, member in enumeration.__members__.items():
        if name != member.name:
            duplicates.append((name, member.name))
    if duplicates:
        alias_details = ', '.join('%s -> %s' % (alias, name)
                                  for alias, name in duplicates)
        raise ValueError('duplicate values found in %r: %s'
                         % (enumeration, alias_details))
    return enumeration
