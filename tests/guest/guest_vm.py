"""Build and boot the test guest (tests/guest/test_guest.py).

The guest is the stock Debian kernel (scripts/guest_tools.sh unpacks it
into ~/.cache/vaccel/guest) and an initramfs written here: busybox-static,
the vaccel client programs with exactly the shared libraries ldd names, the
rpc plugin, the exec example library, the digits model and samples, and
the virtio/vsock modules. A boot appends a small second cpio archive
holding /run.sh, the commands of that boot; /init runs it, prints its exit
status and powers off.

Every process started here (QEMU, vhost-device-vsock, the agent, the echo
server) is tracked by PID and killed by stop_all(), which the test calls
in a finally block.
"""

import os
import re
import shutil
import signal
import stat
import subprocess
import time

GUEST_CID = 3
# Guest RAM. vhost-user needs it shared (memfd); 256 MiB holds the
# unpacked initramfs (about 30 MiB) with room to spare.
GUEST_MEM_MB = 256

INIT = r"""#!/bin/busybox sh
/bin/busybox --install -s /bin
export PATH=/bin
mount -t proc proc /proc
mount -t sysfs sys /sys
mount -t devtmpfs dev /dev 2>/dev/null
for m in $(cat /modules/order); do
	insmod /modules/$m.ko || echo "guest: insmod $m failed"
done
echo "guest: kernel $(uname -r)"
if [ -e /sys/class/net/eth0 ]; then
	ip link set lo up
	ip link set eth0 up
	ip addr add 10.0.2.15/24 dev eth0
	ip route add default via 10.0.2.2
fi
sh /run.sh
echo "guest: run.sh exit status $?"
poweroff -f
"""


class CpioWriter:
    """An uncompressed "newc" cpio archive, written without root (device
    nodes too) and without the cpio tool."""

    def __init__(self):
        self.parts = []
        self.ino = 1

    def _entry(self, name, mode, data=b"", rdev=(0, 0)):
        fields = [self.ino, mode, 0, 0, 1, 0, len(data), 0, 0,
                  rdev[0], rdev[1], len(name) + 1, 0]
        self.ino += 1
        head = b"070701" + b"".join(b"%08X" % f for f in fields)
        blob = head + name.encode() + b"\0"
        blob += b"\0" * (-len(blob) % 4)
        blob += data + b"\0" * (-len(data) % 4)
        self.parts.append(blob)

    def dir(self, name):
        self._entry(name, stat.S_IFDIR | 0o755)

    def file(self, name, data, mode=0o644):
        self._entry(name, stat.S_IFREG | mode, data)

    def symlink(self, name, target):
        self._entry(name, stat.S_IFLNK | 0o777, target.encode())

    def chardev(self, name, major, minor):
        self._entry(name, stat.S_IFCHR | 0o600, rdev=(major, minor))

    def bytes(self):
        self._entry("TRAILER!!!", 0)
        return b"".join(self.parts)


def needed_libraries(paths):
    """Every shared library (and the loader) that ldd lists for paths."""
    libs = set()
    for p in paths:
        out = subprocess.run(["ldd", p], capture_output=True, text=True,
                             check=True).stdout
        for line in out.splitlines():
            m = re.search(r"(/\S+) \(0x", line)
            if m:
                libs.add(m.group(1))
    return sorted(libs)


def build_initramfs(out, kernel_dir, bin_dir, programs, plugins, files):
    """Write the base initramfs to out.

    programs: host paths of executables, placed in /bin under their names.
    plugins: host paths of shared objects, placed in /lib/vaccel.
    files: {guest path: host path} for data (models, samples).
    Returns the list of guest paths of the libraries ldd found.
    """
    c = CpioWriter()
    dirs = set()

    def mkdirs(path):
        parts = path.strip("/").split("/")[:-1]
        for i in range(1, len(parts) + 1):
            d = "/".join(parts[:i])
            if d not in dirs:
                dirs.add(d)
                c.dir(d)

    def add_file(guest, host, mode=0o644):
        mkdirs(guest)
        with open(host, "rb") as f:
            c.file(guest.strip("/"), f.read(), mode)

    for d in ["bin", "dev", "proc", "sys", "tmp", "modules"]:
        dirs.add(d)
        c.dir(d)
    c.chardev("dev/console", 5, 1)
    c.chardev("dev/null", 1, 3)
    add_file("/bin/busybox", shutil.which("busybox") or "/bin/busybox",
             0o755)
    c.file("init", INIT.encode(), 0o755)
    for p in programs:
        add_file("/bin/" + os.path.basename(p), p, 0o755)
    for p in plugins:
        add_file("/lib/vaccel/" + os.path.basename(p), p)
    libs = needed_libraries(programs + plugins)
    for lib in libs:
        # The real bytes under the path the binaries ask for (ldd shows
        # the loader as /lib64/ld-linux-x86-64.so.2, a symlink on the host).
        add_file(lib, os.path.realpath(lib), 0o755)
    for guest, host in sorted(files.items()):
        add_file(guest, host)
    mods = os.path.join(kernel_dir, "modules")
    order = []
    for line in open(os.path.join(os.path.dirname(__file__), "modules.order")):
        name = line.strip()
        if name and not name.startswith("#"):
            order.append(name)
            add_file("/modules/%s.ko" % name, os.path.join(mods, name + ".ko"))
    c.file("modules/order", ("\n".join(order) + "\n").encode())
    with open(out, "wb") as f:
        f.write(c.bytes())
    return libs


def run_archive(script):
    """The per-boot second archive: /run.sh."""
    c = CpioWriter()
    c.file("run.sh", script.encode(), 0o755)
    return c.bytes()


def _pid_from(pidfile, name):
    """The PID in pidfile if that process still runs and is `name`."""
    try:
        pid = int(open(pidfile).read().strip())
        with open("/proc/%d/cmdline" % pid, "rb") as f:
            return pid if name.encode() in f.read() else None
    except (OSError, ValueError):
        return None


class Processes:
    """Host processes of one test, stopped by PID however the test ends."""

    def __init__(self, log):
        self.procs = []
        self.log = log

    def start(self, name, argv, out_path, pidfile=None, **kw):
        """Popen argv with stdout and stderr to out_path. pidfile: where
        the real process (under a wrapper such as timeout) writes its
        PID, so that stop() can kill it directly."""
        self.log("start %s: %s" % (name, " ".join(argv)))
        out = open(out_path, "wb")
        p = subprocess.Popen(argv, stdout=out, stderr=subprocess.STDOUT,
                             stdin=subprocess.DEVNULL, **kw)
        out.close()
        p.vaccel_name = name
        p.vaccel_pidfile = pidfile
        self.procs.append(p)
        return p

    def inner_pid(self, p):
        """The PID of the process under p's wrapper (from its pidfile)."""
        if not p.vaccel_pidfile:
            return p.pid
        return _pid_from(p.vaccel_pidfile, p.vaccel_name)

    def stop(self, p, sig=signal.SIGTERM, timeout=10):
        """Signal p (and the process under its wrapper) and reap it."""
        for pid in {self.inner_pid(p), p.pid}:
            if pid and p.poll() is None:
                try:
                    os.kill(pid, sig)
                except ProcessLookupError:
                    pass
        try:
            p.wait(timeout)
        except subprocess.TimeoutExpired:
            inner = self.inner_pid(p)
            if inner:
                os.kill(inner, signal.SIGKILL)
            os.kill(p.pid, signal.SIGKILL)
            p.wait()
        return p.returncode

    def stop_all(self):
        for p in reversed(self.procs):
            if p.poll() is None:
                self.log("stopping %s (pid %d)" % (p.vaccel_name, p.pid))
                self.stop(p)
        self.procs = []


def wait_for(path, pattern, timeout, proc=None):
    """The first match of pattern in the file at path, waiting up to
    timeout seconds (or until proc exits). None when it never came."""
    deadline = time.monotonic() + timeout
    rx = re.compile(pattern, re.M)
    while True:
        try:
            with open(path, "r", errors="replace") as f:
                m = rx.search(f.read())
            if m:
                return m
        except FileNotFoundError:
            pass
        if time.monotonic() > deadline or (proc and proc.poll() is not None):
            return None
        time.sleep(0.05)


def qemu_argv(kernel, initrd, serial_log, pidfile, vsock_socket=None,
              net=False, timeout_s=90, mem_mb=GUEST_MEM_MB, ivshmem=None):
    """QEMU under a hard `timeout -s KILL`: one CPU, TCG (no KVM here),
    no devices but the serial console and the transport asked for. QEMU
    writes its own PID to pidfile (the PID Popen knows is timeout's).
    ivshmem: (host file, MiB) for an ivshmem-plain device sharing that
    file with the guest."""
    argv = ["timeout", "-s", "KILL", str(timeout_s),
            "qemu-system-x86_64", "-accel", "tcg", "-M", "pc", "-smp", "1",
            "-m", "%dM" % mem_mb, "-nodefaults", "-no-user-config",
            "-display", "none", "-no-reboot", "-pidfile", pidfile,
            "-serial", "file:" + serial_log,
            "-kernel", kernel, "-initrd", initrd,
            "-append", "console=ttyS0 quiet panic=-1 rdinit=/init"]
    if vsock_socket:
        # vhost-user needs guest memory that the backend can map.
        argv += ["-object",
                 "memory-backend-memfd,id=mem,size=%dM,share=on" % mem_mb,
                 "-machine", "memory-backend=mem",
                 "-chardev", "socket,id=c0,path=" + vsock_socket,
                 "-device", "vhost-user-vsock-pci,chardev=c0"]
    if ivshmem:
        argv += ["-object",
                 "memory-backend-file,id=hostmem,share=on,mem-path=%s,"
                 "size=%dM" % ivshmem,
                 "-device", "ivshmem-plain,memdev=hostmem"]
    if net:
        argv += ["-netdev", "user,id=n0",
                 "-device", "virtio-net-pci,netdev=n0,romfile="]
    return argv
