# errno names and errorcode; stat constants, predicates and filemode.
import errno
import os
import stat

print(errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR, errno.EPIPE)
print(errno.errorcode[2], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95], len(errno.errorcode))
print(list(errno.errorcode.items())[:5])
print(all(getattr(errno, name) == code for code, name in errno.errorcode.items()))
try:
    open('/definitely/missing/file')
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno], os.strerror(e.errno))
print(stat.S_IFMT(0o100644) == stat.S_IFREG, stat.S_IMODE(0o104755), oct(stat.S_IFDIR), stat.ST_SIZE, stat.ST_MTIME)
for mode in [0o100644, 0o40755, 0o120777, 0o104755, 0o41777, 0o20620, 0o60660, 0o10600, 0o140755, 0o102070, 0o644]:
    print(oct(mode), stat.filemode(mode), stat.S_ISREG(mode), stat.S_ISDIR(mode), stat.S_ISLNK(mode),
          stat.S_ISCHR(mode), stat.S_ISBLK(mode), stat.S_ISFIFO(mode), stat.S_ISSOCK(mode))
print(stat.S_ISDIR(os.stat('.').st_mode), stat.S_ISREG(os.stat('errno_stat.py')[stat.ST_MODE]))
print(stat.S_IRUSR | stat.S_IWUSR, stat.S_IRWXU, stat.S_IRWXG, stat.S_IRWXO, stat.S_ISUID, stat.S_ISGID, stat.S_ISVTX)
