"""Subprocesses with accessible I/O streams: Popen, run, call, check_call,
check_output, getoutput and getstatusoutput, on POSIX fork + exec.

The child is started by os.fork(); between fork and exec it only rewires
file descriptors, changes directory and calls os.execve. If the exec fails,
the errno travels back over a close-on-exec pipe and Popen raises the
matching OSError (FileNotFoundError, PermissionError, ...) in the parent.
"""
import io
import os
import signal
import threading
import time

__all__ = ['Popen', 'PIPE', 'STDOUT', 'call', 'check_call', 'getstatusoutput',
           'getoutput', 'check_output', 'run', 'CalledProcessError',
           'DEVNULL', 'SubprocessError', 'TimeoutExpired', 'CompletedProcess']

PIPE = -1
STDOUT = -2
DEVNULL = -3

def _signal_repr(signum):
    for name in dir(signal):
        if name.startswith('SIG') and not name.startswith('SIG_') and \
                getattr(signal, name) == signum:
            return '<Signals.%s: %d>' % (name, signum)
    return None


class SubprocessError(Exception):
    pass


class CalledProcessError(SubprocessError):
    """Raised when run() is called with check=True and the process
    returns a non-zero exit status.

    Attributes:
      cmd, returncode, stdout, stderr, output
    """
    def __init__(self, returncode, cmd, output=None, stderr=None):
        self.returncode = returncode
        self.cmd = cmd
        self.output = output
        self.stderr = stderr

    def __str__(self):
        if self.returncode and self.returncode < 0:
            name = _signal_repr(-self.returncode)
            if name is None:
                return "Command '%s' died with unknown signal %d." % (
                    self.cmd, -self.returncode)
            return "Command '%s' died with %s." % (self.cmd, name)
        return "Command '%s' returned non-zero exit status %d." % (
            self.cmd, self.returncode)

    @property
    def stdout(self):
        """Alias for output attribute, to match stderr"""
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class TimeoutExpired(SubprocessError):
    """This exception is raised when the timeout expires while waiting for a
    child process.

    Attributes:
        cmd, output, stdout, stderr, timeout
    """
    def __init__(self, cmd, timeout, output=None, stderr=None):
        self.cmd = cmd
        self.timeout = timeout
        self.output = output
        self.stderr = stderr

    def __str__(self):
        return ("Command '%s' timed out after %s seconds" %
                (self.cmd, self.timeout))

    @property
    def stdout(self):
        return self.output

    @stdout.setter
    def stdout(self, value):
        self.output = value


class CompletedProcess:
    """A process that has finished running.

    This is returned by run().

    Attributes:
      args: The list or str args passed to run().
      returncode: The exit code of the process, negative for signals.
      stdout: The standard output (None if not captured).
      stderr: The standard error (None if not captured).
    """
    def __init__(self, args, returncode, stdout=None, stderr=None):
        self.args = args
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr

    def __repr__(self):
        args = ['args={!r}'.format(self.args),
                'returncode={!r}'.format(self.returncode)]
        if self.stdout is not None:
            args.append('stdout={!r}'.format(self.stdout))
        if self.stderr is not None:
            args.append('stderr={!r}'.format(self.stderr))
        return '{}({})'.format(type(self).__name__, ', '.join(args))

    def check_returncode(self):
        """Raise CalledProcessError if the exit code is non-zero."""
        if self.returncode:
            raise CalledProcessError(self.returncode, self.args, self.stdout,
                                     self.stderr)


def _child_fd(spec, which, devnull_opener):
    """The (child end, parent end or None) of the descriptor spec for stdin
    (which == 0) or stdout/stderr."""
    if spec is None:
        return None, None
    if spec == PIPE:
        r, w = os.pipe()
        return (r, w) if which == 0 else (w, r)
    if spec == DEVNULL:
        return devnull_opener(), None
    if isinstance(spec, int):
        return spec, None
    return spec.fileno(), None


def _exec_candidates(executable, env):
    """The paths to try for a program name, following PATH like execvp."""
    if os.path.dirname(executable):
        return [executable]
    path = (env if env is not None else os.environ).get('PATH', os.defpath)
    return [os.path.join(d or '.', executable) for d in path.split(os.pathsep)]


class Popen:
    """Execute a child program in a new process.

    For a complete description of the arguments see the Python
    documentation.
    """
    def __init__(self, args, bufsize=-1, executable=None,
                 stdin=None, stdout=None, stderr=None,
                 preexec_fn=None, close_fds=True,
                 shell=False, cwd=None, env=None, universal_newlines=None,
                 startupinfo=None, creationflags=0,
                 restore_signals=True, start_new_session=False,
                 pass_fds=(), *, user=None, group=None, extra_groups=None,
                 encoding=None, errors=None, text=None, umask=-1,
                 pipesize=-1, process_group=None):
        self.args = args
        self.returncode = None
        self.stdin = self.stdout = self.stderr = None
        self.pid = None
        if bufsize is None:
            bufsize = -1
        if not isinstance(bufsize, int):
            raise TypeError('bufsize must be an integer')
        if (text is not None and universal_newlines is not None and
                bool(universal_newlines) != bool(text)):
            raise SubprocessError('Cannot disambiguate when both text '
                                  'and universal_newlines are supplied but '
                                  'different. Pass one or the other.')
        self.text_mode = bool(encoding or errors or text or
                              universal_newlines)
        self.encoding = encoding
        self.errors = errors

        if isinstance(args, (str, bytes)):
            args = [args]
        elif isinstance(args, os.PathLike):
            if shell:
                raise TypeError('path-like args is not allowed when '
                                'shell is true')
            args = [args]
        else:
            args = list(args)
        if shell:
            args = ['/bin/sh', '-c'] + args
        if executable is None:
            executable = args[0]
        args = [os.fsdecode(a) if isinstance(a, bytes) else os.fspath(a)
                for a in args]
        executable = os.fspath(executable)
        if isinstance(executable, bytes):
            executable = os.fsdecode(executable)

        to_close = []

        def devnull():
            fd = os.open(os.devnull, os.O_RDWR)
            to_close.append(fd)
            return fd

        p2cread, p2cwrite = _child_fd(stdin, 0, devnull)
        c2pwrite, c2pread = _child_fd(stdout, 1, devnull)
        if stderr == STDOUT:
            errwrite, errread = (c2pwrite if c2pwrite is not None else 1), None
        else:
            errwrite, errread = _child_fd(stderr, 2, devnull)
        for child_end, parent_end in ((p2cread, p2cwrite),
                                      (c2pwrite, c2pread),
                                      (errwrite, errread)):
            if parent_end is not None:
                to_close.append(child_end)

        child_env = None if env is None else \
            {os.fsdecode(k) if isinstance(k, bytes) else k:
             os.fsdecode(v) if isinstance(v, bytes) else v
             for k, v in env.items()}
        candidates = _exec_candidates(executable, child_env)
        errpipe_read, errpipe_write = os.pipe2(os.O_CLOEXEC)
        try:
            pid = os.fork()
            if pid == 0:
                self._exec_child(args, candidates, child_env, cwd,
                                 p2cread, c2pwrite, errwrite, errpipe_write,
                                 close_fds, start_new_session, preexec_fn)
            self.pid = pid
            os.close(errpipe_write)
            errpipe_write = None
            report = b''
            while True:
                part = os.read(errpipe_read, 512)
                if not part:
                    break
                report += part
        finally:
            if errpipe_write is not None:
                os.close(errpipe_write)
            os.close(errpipe_read)
            for fd in to_close:
                os.close(fd)
        if report:
            os.waitpid(self.pid, 0)
            for fd in (p2cwrite, c2pread, errread):
                if fd is not None:
                    os.close(fd)
            self.returncode = 255
            kind, _, rest = report.decode('utf-8', 'replace').partition(':')
            errno_text, _, name = rest.partition(':')
            errno_value = int(errno_text)
            if kind == 'preexec':
                raise SubprocessError('Exception occurred in preexec_fn.')
            if kind == 'cwd':
                raise OSError(errno_value, os.strerror(errno_value), cwd)
            raise OSError(errno_value, os.strerror(errno_value), name)

        # Text mode opens the pipes as text files: universal newlines on
        # reading, like CPython's TextIOWrapper over the pipe.
        text_args = {'encoding': encoding, 'errors': errors} \
            if self.text_mode else {}
        mode = 't' if self.text_mode else 'b'
        if p2cwrite is not None:
            self.stdin = io.open(p2cwrite, 'w' + mode, bufsize, **text_args)
        if c2pread is not None:
            self.stdout = io.open(c2pread, 'r' + mode, bufsize, **text_args)
        if errread is not None:
            self.stderr = io.open(errread, 'r' + mode, bufsize, **text_args)

    @staticmethod
    def _exec_child(args, candidates, env, cwd, p2cread, c2pwrite, errwrite,
                    errpipe_write, close_fds, start_new_session, preexec_fn):
        """Runs in the forked child: never returns."""
        stage = 'exec'
        try:
            # The child ends move to 0, 1, 2; dup2 clears close-on-exec.
            low = [fd for fd in (p2cread, c2pwrite, errwrite)
                   if fd is not None]
            moved = {}
            for fd in low:
                if fd < 3 and fd not in moved:
                    moved[fd] = os.dup(fd)
            for target, fd in ((0, p2cread), (1, c2pwrite), (2, errwrite)):
                if fd is not None:
                    os.dup2(moved.get(fd, fd), target)
            if close_fds:
                for name in os.listdir('/proc/self/fd'):
                    fd = int(name)
                    if fd > 2 and fd != errpipe_write:
                        try:
                            os.close(fd)
                        except OSError:
                            pass    # the descriptor listdir itself used
            if cwd is not None:
                stage = 'cwd'
                os.chdir(cwd)
                stage = 'exec'
            if start_new_session:
                os.setsid()
            if preexec_fn is not None:
                stage = 'preexec'
                preexec_fn()
                stage = 'exec'
            first_error = None
            for path in candidates:
                try:
                    if env is None:
                        os.execv(path, args)
                    else:
                        os.execve(path, args, env)
                except OSError as e:
                    if first_error is None or e.errno != 2:
                        first_error = e
            errno_value = first_error.errno
        except OSError as e:
            errno_value = e.errno
        except BaseException:
            errno_value = 0
        try:
            name = args[0] if stage == 'exec' else ''
            os.write(errpipe_write, ('%s:%d:%s' % (stage, errno_value or 0,
                                                   name)).encode())
        finally:
            os._exit(255)

    def __repr__(self):
        obj_repr = '<%s: returncode: %s args: %r>' % (
            self.__class__.__name__, self.returncode, self.args)
        if len(obj_repr) > 80:
            obj_repr = obj_repr[:76] + '...>'
        return obj_repr

    def __enter__(self):
        return self

    def __exit__(self, exc_type, value, traceback):
        for f in (self.stdout, self.stderr):
            if f:
                f.close()
        try:
            if self.stdin:
                self.stdin.close()
        finally:
            self.wait()

    def _handle_exitstatus(self, status):
        self.returncode = os.waitstatus_to_exitcode(status)

    def poll(self):
        """Check if child process has terminated. Set and return returncode
        attribute."""
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid == self.pid:
                self._handle_exitstatus(status)
        return self.returncode

    def wait(self, timeout=None):
        """Wait for child process to terminate; returns self.returncode."""
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            pid, status = os.waitpid(self.pid, 0)
            self._handle_exitstatus(status)
            return self.returncode
        deadline = time.monotonic() + timeout
        delay = 0.0005
        while self.poll() is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutExpired(self.args, timeout)
            delay = min(delay * 2, remaining, 0.05)
            time.sleep(delay)
        return self.returncode

    def communicate(self, input=None, timeout=None):
        """Interact with process: Send data to stdin and close it.
        Read data from stdout and stderr, until end-of-file is
        reached.  Wait for process to terminate.

        Returns a tuple (stdout, stderr).
        """
        results = {}

        def drain(name, f):
            try:
                results[name] = f.read()
            finally:
                f.close()

        readers = []
        for name, f in (('stdout', self.stdout), ('stderr', self.stderr)):
            if f is not None:
                t = threading.Thread(target=drain, args=(name, f),
                                     daemon=True)
                t.start()
                readers.append(t)
        if self.stdin is not None:
            try:
                if input:
                    self.stdin.write(input)
            except BrokenPipeError:
                pass
            try:
                self.stdin.close()
            except BrokenPipeError:
                pass
        deadline = None if timeout is None else time.monotonic() + timeout
        for t in readers:
            t.join(None if deadline is None
                   else max(0, deadline - time.monotonic()))
            if t.is_alive():
                raise TimeoutExpired(self.args, timeout,
                                     results.get('stdout'),
                                     results.get('stderr'))
        self.wait(None if deadline is None
                  else max(0, deadline - time.monotonic()))
        return results.get('stdout'), results.get('stderr')

    def send_signal(self, sig):
        """Send a signal to the process."""
        self.poll()
        if self.returncode is None:
            os.kill(self.pid, sig)

    def terminate(self):
        """Terminate the process with SIGTERM"""
        self.send_signal(signal.SIGTERM)

    def kill(self):
        """Kill the process with SIGKILL"""
        self.send_signal(signal.SIGKILL)


def call(*popenargs, timeout=None, **kwargs):
    """Run command with arguments.  Wait for command to complete or
    timeout, then return the returncode attribute."""
    with Popen(*popenargs, **kwargs) as p:
        try:
            return p.wait(timeout=timeout)
        except BaseException:
            p.kill()
            raise


def check_call(*popenargs, **kwargs):
    """Run command with arguments.  Wait for command to complete.  If
    the exit code was zero then return, otherwise raise
    CalledProcessError."""
    retcode = call(*popenargs, **kwargs)
    if retcode:
        cmd = kwargs.get('args')
        if cmd is None:
            cmd = popenargs[0]
        raise CalledProcessError(retcode, cmd)
    return 0


def check_output(*popenargs, timeout=None, **kwargs):
    """Run command with arguments and return its output.

    If the exit code was non-zero it raises a CalledProcessError.
    """
    for kw in ('stdout', 'check'):
        if kw in kwargs:
            raise ValueError(f'{kw} argument not allowed, it will be '
                             'overridden.')
    if 'input' in kwargs and kwargs['input'] is None:
        # Explicitly passing input=None was previously equivalent to passing
        # an empty string. That is maintained here for consistency.
        if kwargs.get('universal_newlines') or kwargs.get('text') or \
                kwargs.get('encoding') or kwargs.get('errors'):
            empty = ''
        else:
            empty = b''
        kwargs['input'] = empty
    return run(*popenargs, stdout=PIPE, timeout=timeout, check=True,
               **kwargs).stdout


def run(*popenargs, input=None, capture_output=False, timeout=None,
        check=False, **kwargs):
    """Run command with arguments and return a CompletedProcess instance.

    The returned instance will have attributes args, returncode, stdout and
    stderr.
    """
    if input is not None:
        if kwargs.get('stdin') is not None:
            raise ValueError('stdin and input arguments may not both be used.')
        kwargs['stdin'] = PIPE
    if capture_output:
        if kwargs.get('stdout') is not None or \
                kwargs.get('stderr') is not None:
            raise ValueError('stdout and stderr arguments may not be used '
                             'with capture_output.')
        kwargs['stdout'] = PIPE
        kwargs['stderr'] = PIPE
    with Popen(*popenargs, **kwargs) as process:
        try:
            stdout, stderr = process.communicate(input, timeout=timeout)
        except TimeoutExpired:
            process.kill()
            process.wait()
            raise
        except BaseException:
            process.kill()
            raise
        retcode = process.poll()
        if check and retcode:
            raise CalledProcessError(retcode, process.args,
                                     output=stdout, stderr=stderr)
    return CompletedProcess(process.args, retcode, stdout, stderr)


def getstatusoutput(cmd, *, encoding=None, errors=None):
    """Return (exitcode, output) of executing cmd in a shell.

    The output has its trailing newline stripped; stderr is included.
    """
    try:
        data = check_output(cmd, shell=True, text=True, stderr=STDOUT,
                            encoding=encoding, errors=errors)
        exitcode = 0
    except CalledProcessError as ex:
        data = ex.output
        exitcode = ex.returncode
    if data[-1:] == '\n':
        data = data[:-1]
    return exitcode, data


def getoutput(cmd, *, encoding=None, errors=None):
    """Return output (stdout or stderr) of executing cmd in a shell."""
    return getstatusoutput(cmd, encoding=encoding, errors=errors)[1]
