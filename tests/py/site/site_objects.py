# The objects CPython's site module adds to builtins, in a script (not only at the prompt).
import builtins

print(repr(exit))
print(repr(quit))
print(repr(help))
for name in ['exit', 'quit', 'help', 'copyright', 'credits', 'license']:
    obj = getattr(builtins, name)
    print(name, type(obj).__module__, type(obj).__name__, callable(obj))
# The texts differ between interpreters; each is a non-empty text.
for obj in (copyright, credits, license):
    print(type(repr(obj)) is str and len(repr(obj)) > 10)

# A printer shows a short text whole; a long one is paged: Return for more, q to stop.
import _sitebuiltins

short = _sitebuiltins._Printer('short', 'one\ntwo')
print(repr(short))
long_text = '\n'.join(f'line {i}' for i in range(60))
pager = _sitebuiltins._Printer('long', long_text)
print(repr(pager))
answers = iter(['x', '', 'q'])
prompts = []


def fake_input(prompt):
    prompts.append(prompt)
    return next(answers)


builtins.input = fake_input
pager()
print(prompts)

# quit() and exit() raise SystemExit with their argument.
for leave, arg in ((quit, ()), (exit, (4,)), (exit, ('bye',))):
    try:
        leave(*arg)
    except SystemExit as e:
        print('SystemExit', repr(e.code), e.args)
exit(7)
