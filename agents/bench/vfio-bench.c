// SPDX-License-Identifier: MIT
/*
 * vfio-bench: the C reference `lab bench` compares the agent with. It runs the same loops as the agent's
 * `lab-agent bench` (testcases/src/Lab.TestCases/Timing), making the same syscalls per iteration, and prints the
 * same lines: "METRIC STAT VALUE UNIT".
 *
 *   vfio-bench --metric M --group /dev/vfio/X --device NAME --iommu noiommu|type1 [--iterations N] [--warmup N]
 *   vfio-bench ktap --group /dev/vfio/X --device NAME --iommu noiommu|type1
 *       opens /dev/kmsg, container, group and device as the agent does before its first KTAP line, then prints one
 *       KTAP result
 *   vfio-bench spawn -- PROGRAM ARGS...
 *       runs PROGRAM with its stdout on a pipe (copied through), then prints "spawn first_line US us",
 *       "spawn exit US us" and "spawn maxrss KB kB" (wait4's peak resident set); exits with PROGRAM's status
 *
 * Built statically for the board by agents/build.sh.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <linux/vfio.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define IOVA 0x1000000ull
#define BATCH 16
#define EDU_BUFFER 0x40000ull
#define EDU_DMA_BYTES 4000
#define VFIO_NOIOMMU 8

static int container = -1, group = -1, device = -1;
static long page;

static double now_us(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e6 + t.tv_nsec / 1e3;
}

static void die(const char *what)
{
	fprintf(stderr, "vfio-bench: %s: %s\n", what, strerror(errno));
	exit(1);
}

static void fail(const char *what, int i)
{
	fprintf(stderr, "vfio-bench: iteration %d: %s\n", i, what);
	exit(1);
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* Nearest rank, as Distribution.Percentile. */
static double pct(const double *s, int n, double p)
{
	int r = (int)__builtin_ceil(p * n) - 1;
	return s[r < 0 ? 0 : r >= n ? n - 1 : r];
}

static void print_dist(const char *metric, double *s, int n)
{
	qsort(s, n, sizeof(*s), cmp);
	printf("%s median %.3f us\n%s p99 %.3f us\n%s max %.3f us\n%s samples %d\n",
	       metric, pct(s, n, 0.5), metric, pct(s, n, 0.99), metric, s[n - 1], metric, n);
}

static void open_device(const char *group_path, const char *name, int type1)
{
	struct vfio_group_status status = { .argsz = sizeof(status) };
	container = open("/dev/vfio/vfio", O_RDWR | O_CLOEXEC);
	if (container < 0) die("open /dev/vfio/vfio");
	group = open(group_path, O_RDWR | O_CLOEXEC);
	if (group < 0) die(group_path);
	if (ioctl(group, VFIO_GROUP_GET_STATUS, &status) < 0) die("VFIO_GROUP_GET_STATUS");
	if (ioctl(group, VFIO_GROUP_SET_CONTAINER, &container) < 0) die("VFIO_GROUP_SET_CONTAINER");
	if (ioctl(container, VFIO_SET_IOMMU, type1 ? VFIO_TYPE1v2_IOMMU : VFIO_NOIOMMU) < 0) die("VFIO_SET_IOMMU");
	device = ioctl(group, VFIO_GROUP_GET_DEVICE_FD, name);
	if (device < 0) die("VFIO_GROUP_GET_DEVICE_FD");
}

static int set_irqs(uint32_t flags, uint32_t index, uint32_t count, const int32_t *fd)
{
	char buf[sizeof(struct vfio_irq_set) + sizeof(int32_t)];
	struct vfio_irq_set *set = (struct vfio_irq_set *)buf;
	set->argsz = sizeof(*set) + (fd ? sizeof(int32_t) : 0);
	set->flags = flags;
	set->index = index;
	set->start = 0;
	set->count = count;
	if (fd) memcpy(set->data, fd, sizeof(*fd));
	return ioctl(device, VFIO_DEVICE_SET_IRQS, set);
}

/* Waits as Eventfd.Wait does: poll for POLLIN (1 s). */
static int wait_fd(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };
	int r;
	while ((r = poll(&p, 1, 1000)) < 0 && errno == EINTR) {}
	return r > 0 && (p.revents & POLLIN);
}

static uint64_t read_fd(int fd)
{
	uint64_t v = 0;
	return read(fd, &v, sizeof(v)) == sizeof(v) ? v : 0;
}

/* As BenchLoops.Syscall: a read of an empty non-blocking eventfd (EAGAIN), timed one by one. */
static void bench_syscall(const char *metric, int warmup, int n)
{
	double *s = calloc(n, sizeof(double));
	int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	uint64_t v;
	int k = 0;
	if (!s || efd < 0) die("eventfd");
	for (int i = 0; i < warmup + n; i++) {
		if (i == warmup) k = 0;
		double t0 = now_us();
		ssize_t r = read(efd, &v, sizeof(v));
		double t1 = now_us();
		if (r >= 0 || errno != EAGAIN) fail("read of an empty eventfd did not give EAGAIN", i);
		if (k < n) s[k++] = t1 - t0;
	}
	print_dist(metric, s, k);
}

static void bench_irq(const char *metric, int warmup, int n, int unmask)
{
	struct vfio_device_info info = { .argsz = sizeof(info) };
	double *s = calloc(n, sizeof(double));
	if (!s || ioctl(device, VFIO_DEVICE_GET_INFO, &info) < 0) die("VFIO_DEVICE_GET_INFO");
	for (uint32_t index = 0; index < info.num_irqs; index++) {
		struct vfio_irq_info irq = { .argsz = sizeof(irq), .index = index };
		if (ioctl(device, VFIO_DEVICE_GET_IRQ_INFO, &irq) < 0 || !irq.count || !(irq.flags & VFIO_IRQ_INFO_EVENTFD)) continue;
		if (unmask && !(irq.flags & VFIO_IRQ_INFO_MASKABLE)) continue;
		int automasked = irq.flags & VFIO_IRQ_INFO_AUTOMASKED;
		int32_t efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (efd < 0 || set_irqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, index, 1, &efd) < 0) die("SET_IRQS eventfd");
		int k = 0;
		for (int i = 0; i < warmup + n; i++) {
			double t0 = 0;
			if (i == warmup) k = 0;
			if (unmask) {
				uint64_t early;
				if (set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_MASK, index, 1, NULL) < 0 ||
				    set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, index, 1, NULL) < 0) fail("MASK, TRIGGER", i);
				if (read(efd, &early, sizeof(early)) == sizeof(early)) fail("a masked loopback was delivered", i);
				t0 = now_us();
				if (set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_UNMASK, index, 1, NULL) < 0) fail("UNMASK", i);
			} else {
				t0 = now_us();
			}
			if (set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, index, 1, NULL) < 0) fail("TRIGGER", i);
			if (!wait_fd(efd)) fail("trigger eventfd not signalled within 1000 ms", i);
			double t1 = now_us();
			if (k < n) s[k++] = t1 - t0;
			if (read_fd(efd) != 1) fail("eventfd count is not 1", i);
			if (automasked && set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_UNMASK, index, 1, NULL) < 0) fail("UNMASK", i);
		}
		set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, index, 0, NULL);
		print_dist(metric, s, k);
		return;
	}
	fprintf(stderr, "vfio-bench: the device has no %seventfd IRQ\n", unmask ? "maskable " : "");
	exit(1);
}

static volatile uint32_t *edu_open(void)
{
	struct vfio_region_info bar0 = { .argsz = sizeof(bar0), .index = VFIO_PCI_BAR0_REGION_INDEX };
	struct vfio_region_info cfg = { .argsz = sizeof(cfg), .index = VFIO_PCI_CONFIG_REGION_INDEX };
	uint16_t cmd;
	if (ioctl(device, VFIO_DEVICE_GET_REGION_INFO, &bar0) < 0 || ioctl(device, VFIO_DEVICE_GET_REGION_INFO, &cfg) < 0) die("GET_REGION_INFO");
	void *m = mmap(NULL, bar0.size, PROT_READ | PROT_WRITE, MAP_SHARED, device, bar0.offset);
	if (m == MAP_FAILED) die("mmap BAR0");
	volatile uint32_t *r = m;
	if (r[0] != 0x010000ed) { fprintf(stderr, "vfio-bench: BAR0 id 0x%08x: not QEMU's edu\n", r[0]); exit(1); }
	if (pread(device, &cmd, 2, cfg.offset + 4) != 2) die("config read");
	cmd |= 4;
	if (pwrite(device, &cmd, 2, cfg.offset + 4) != 2) die("config write");
	return r;
}

static void bench_edu_msi(const char *metric, int warmup, int n)
{
	volatile uint32_t *edu = edu_open();
	double *s = calloc(n, sizeof(double));
	int32_t efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
	edu[0x64 / 4] = 0xffffffff;
	if (!s || efd < 0 || set_irqs(VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 1, &efd) < 0) die("SET_IRQS MSI");
	int k = 0;
	for (int i = 0; i < warmup + n; i++) {
		if (i == warmup) k = 0;
		double t0 = now_us();
		edu[0x60 / 4] = 1;
		if (!wait_fd(efd)) fail("MSI eventfd not signalled within 1000 ms", i);
		double t1 = now_us();
		if (k < n) s[k++] = t1 - t0;
		uint64_t count = read_fd(efd);
		edu[0x64 / 4] = 1;
		if (count != 1) fail("eventfd count is not 1", i);
	}
	set_irqs(VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER, VFIO_PCI_MSI_IRQ_INDEX, 0, NULL);
	print_dist(metric, s, k);
}

static void *dma_buffer(size_t size)
{
	void *b = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (b == MAP_FAILED || mlock(b, size) < 0) die("DMA buffer");
	memset(b, 0, size);
	return b;
}

static int map_unmap(char *buf, int pairs, double *maps, double *unmaps, int *k)
{
	for (int n = 0; n < pairs; n += BATCH) {
		for (int i = 0; i < BATCH; i++) {
			struct vfio_iommu_type1_dma_map m = { .argsz = sizeof(m), .flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
				.vaddr = (uintptr_t)buf + i * page, .iova = IOVA + i * page, .size = page };
			double t0 = now_us();
			int r = ioctl(container, VFIO_IOMMU_MAP_DMA, &m);
			maps[k[0] < pairs ? k[0]++ : pairs - 1] = now_us() - t0;
			if (r < 0) return -1;
		}
		for (int i = 0; i < BATCH; i++) {
			struct vfio_iommu_type1_dma_unmap u = { .argsz = sizeof(u), .iova = IOVA + i * page, .size = page };
			double t0 = now_us();
			int r = ioctl(container, VFIO_IOMMU_UNMAP_DMA, &u);
			unmaps[k[1] < pairs ? k[1]++ : pairs - 1] = now_us() - t0;
			if (r < 0 || u.size != (uint64_t)page) return -1;
		}
	}
	return 0;
}

static void bench_map_unmap(const char *metric, int warmup, int n)
{
	int pairs = n / BATCH * BATCH < BATCH ? BATCH : n / BATCH * BATCH;
	int warm = warmup / BATCH * BATCH < BATCH ? BATCH : warmup / BATCH * BATCH;
	int big = pairs > warm ? pairs : warm;
	double *maps = calloc(big, sizeof(double)), *unmaps = calloc(big, sizeof(double));
	char *buf = dma_buffer(page * BATCH);
	int k[2] = { 0, 0 };
	char name[128];
	if (!maps || !unmaps) die("calloc");
	if (map_unmap(buf, warm, maps, unmaps, k) < 0) die("MAP/UNMAP (warm-up)");
	k[0] = k[1] = 0;
	double t0 = now_us();
	if (map_unmap(buf, pairs, maps, unmaps, k) < 0) die("MAP/UNMAP");
	double seconds = (now_us() - t0) / 1e6;
	printf("%s ops %.3f ops/s\n", metric, pairs * 2 / seconds);
	snprintf(name, sizeof(name), "%s.map", metric);
	print_dist(name, maps, k[0]);
	snprintf(name, sizeof(name), "%s.unmap", metric);
	print_dist(name, unmaps, k[1]);
}

static int edu_dma(volatile uint32_t *edu, uint64_t from, uint64_t to, int count, int to_ram)
{
	volatile uint64_t *r64 = (volatile uint64_t *)edu;
	r64[0x80 / 8] = from;
	r64[0x88 / 8] = to;
	r64[0x90 / 8] = count;
	r64[0x98 / 8] = 1 | (to_ram ? 2 : 0);
	for (int ms = 0; r64[0x98 / 8] & 1; ms++) {
		if (ms > 3000) return -1;
		usleep(1000); /* as EduDevice.WaitDma: Thread.Sleep(1) */
	}
	return 0;
}

static void bench_edu_dma(const char *metric, int n)
{
	volatile uint32_t *edu = edu_open();
	unsigned char *src = dma_buffer(page), *dst = dma_buffer(page);
	double *s = calloc(n, sizeof(double));
	struct vfio_iommu_type1_dma_map m = { .argsz = sizeof(m), .flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
		.vaddr = (uintptr_t)src, .iova = IOVA, .size = page };
	if (!s || ioctl(container, VFIO_IOMMU_MAP_DMA, &m) < 0) die("MAP_DMA src");
	m.vaddr = (uintptr_t)dst;
	m.iova = IOVA + page;
	if (ioctl(container, VFIO_IOMMU_MAP_DMA, &m) < 0) die("MAP_DMA dst");
	for (int i = 0; i < n; i++) {
		for (int b = 0; b < EDU_DMA_BYTES; b++) src[b] = (unsigned char)(b + i);
		memset(dst, 0, EDU_DMA_BYTES);
		double t0 = now_us();
		if (edu_dma(edu, IOVA, EDU_BUFFER, EDU_DMA_BYTES, 0) < 0 || edu_dma(edu, EDU_BUFFER, IOVA + page, EDU_DMA_BYTES, 1) < 0) fail("edu DMA did not finish within 3 s", i);
		s[i] = now_us() - t0;
		if (memcmp(src, dst, EDU_DMA_BYTES)) fail("the bytes came back different", i);
	}
	print_dist(metric, s, n);
}

static int spawn(char **argv)
{
	int out[2];
	struct rusage ru;
	int status;
	char buf[4096];
	double first = -1, t0 = now_us();
	if (pipe2(out, O_CLOEXEC) < 0) die("pipe");
	pid_t pid = fork();
	if (pid < 0) die("fork");
	if (pid == 0) {
		dup2(out[1], 1);
		execv(argv[0], argv);
		fprintf(stderr, "vfio-bench: exec %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	close(out[1]);
	for (ssize_t r; (r = read(out[0], buf, sizeof(buf))) != 0;) {
		if (r < 0) { if (errno == EINTR) continue; die("read"); }
		if (first < 0 && memchr(buf, '\n', r)) first = now_us() - t0;
		fwrite(buf, 1, r, stdout);
	}
	if (wait4(pid, &status, 0, &ru) < 0) die("wait4");
	double exited = now_us() - t0;
	printf("spawn first_line %.3f us\nspawn exit %.3f us\nspawn maxrss %ld kB\n", first, exited, ru.ru_maxrss);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int main(int argc, char **argv)
{
	const char *metric = NULL, *group_path = NULL, *name = NULL, *iommu = NULL;
	int iterations = 1000, warmup = 50, ktap = 0;
	page = sysconf(_SC_PAGESIZE);
	if (argc > 2 && !strcmp(argv[1], "spawn") && !strcmp(argv[2], "--") && argc > 3) return spawn(argv + 3);
	int i = 1;
	if (argc > 1 && !strcmp(argv[1], "ktap")) { ktap = 1; i = 2; }
	for (; i + 1 < argc; i += 2) {
		if (!strcmp(argv[i], "--metric")) metric = argv[i + 1];
		else if (!strcmp(argv[i], "--group")) group_path = argv[i + 1];
		else if (!strcmp(argv[i], "--device")) name = argv[i + 1];
		else if (!strcmp(argv[i], "--iommu")) iommu = argv[i + 1];
		else if (!strcmp(argv[i], "--iterations")) iterations = atoi(argv[i + 1]);
		else if (!strcmp(argv[i], "--warmup")) warmup = atoi(argv[i + 1]);
		else break;
	}
	if (i != argc || !group_path || !name || !iommu || (!ktap && !metric) || iterations < 1 || warmup < 0) {
		fprintf(stderr, "usage: vfio-bench --metric M --group G --device D --iommu noiommu|type1 [--iterations N] [--warmup N]\n"
				"       vfio-bench ktap --group G --device D --iommu noiommu|type1\n"
				"       vfio-bench spawn -- PROGRAM ARGS...\n");
		return 2;
	}
	if (ktap && open("/dev/kmsg", O_RDONLY | O_NONBLOCK | O_CLOEXEC) < 0) die("/dev/kmsg"); /* as the agent */
	open_device(group_path, name, !strcmp(iommu, "type1"));
	if (ktap) { printf("KTAP version 1\n1..1\nok 1 open\n"); return 0; }
	if (!strcmp(metric, "syscall")) bench_syscall(metric, warmup, iterations);
	else if (!strcmp(metric, "irq-loopback")) bench_irq(metric, warmup, iterations, 0);
	else if (!strcmp(metric, "irq-unmask")) bench_irq(metric, warmup, iterations, 1);
	else if (!strcmp(metric, "edu-msi")) bench_edu_msi(metric, warmup, iterations);
	else if (!strcmp(metric, "map-unmap")) bench_map_unmap(metric, warmup, iterations);
	else if (!strcmp(metric, "edu-dma")) bench_edu_dma(metric, iterations);
	else { fprintf(stderr, "vfio-bench: unknown metric %s\n", metric); return 2; }
	return 0;
}
