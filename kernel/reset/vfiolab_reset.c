// SPDX-License-Identifier: GPL-2.0-only
/*
 * VfioLab reset handlers for the QEMU virt board's vfio-platform/vfio-amba devices.
 *
 * virtio,mmio: a virtio device resets when 0 is written to its Status register
 * (virtio-mmio register 0x070); reading 0 back confirms it.
 * arm,pl031:   the RTC has no reset bit; masking its interrupt (IMSC 0x010) and
 * clearing a pending match (ICR 0x01c) returns it to its power-on interrupt state.
 *
 * There is deliberately no MODULE_ALIAS("vfio-reset:..."): vfio-platform would then
 * load this module at every probe and every device would report a reset. A test
 * that wants VFIO_DEVICE_FLAGS_RESET loads vfiolab-reset before binding the device.
 *
 * vfio-platform and vfio-amba look a handler up once, at probe (vfio_platform_get_reset),
 * by the device's first "compatible" string; a device bound before this module loads
 * keeps reporting no reset until it is rebound.
 *
 * Parameter compatibles: the handlers to register, separated by ';' (compatible strings
 * contain commas). Default "virtio,mmio;arm,pl031" (both); "" registers none; an unknown
 * name fails the load with -EINVAL. The lab loads it with compatibles=arm,pl031 so that
 * the PL031 has a reset and virtio-rng does not. The value stays readable in
 * /sys/module/vfiolab_reset/parameters/compatibles.
 */
#include <linux/module.h>
#include <linux/io.h>
#include <linux/string.h>

#include "vfio_platform_private.h"

#define VIRTIO_MMIO_MAGIC_VALUE	0x000
#define VIRTIO_MMIO_STATUS	0x070
#define VIRTIO_MMIO_MAGIC	0x74726976	/* "virt" */

#define PL031_IMSC		0x010
#define PL031_ICR		0x01c

static void __iomem *vfiolab_region0(struct vfio_platform_device *vdev,
				     resource_size_t need)
{
	struct vfio_platform_region *reg;

	if (!vdev->num_regions)
		return NULL;
	reg = &vdev->regions[0];
	if (reg->type != VFIO_PLATFORM_REGION_TYPE_MMIO || reg->size < need)
		return NULL;
	/* vfio-platform maps lazily and unmaps in its region cleanup. */
	if (!reg->ioaddr)
		reg->ioaddr = ioremap(reg->addr, reg->size);
	return reg->ioaddr;
}

static int vfiolab_virtio_mmio_reset(struct vfio_platform_device *vdev)
{
	void __iomem *base = vfiolab_region0(vdev, VIRTIO_MMIO_STATUS + 4);

	if (!base)
		return -ENODEV;
	if (readl(base + VIRTIO_MMIO_MAGIC_VALUE) != VIRTIO_MMIO_MAGIC)
		return -ENODEV;
	writel(0, base + VIRTIO_MMIO_STATUS);
	return readl(base + VIRTIO_MMIO_STATUS) ? -EIO : 0;
}

static int vfiolab_pl031_reset(struct vfio_platform_device *vdev)
{
	void __iomem *base = vfiolab_region0(vdev, PL031_ICR + 4);

	if (!base)
		return -ENODEV;
	writel(0, base + PL031_IMSC);
	writel(1, base + PL031_ICR);
	return 0;
}

static char *compatibles = "virtio,mmio;arm,pl031";
module_param(compatibles, charp, 0444);
MODULE_PARM_DESC(compatibles,
		 "';'-separated compatibles to register a reset for (default \"virtio,mmio;arm,pl031\", \"\" for none)");

static bool want_virtio_mmio, want_pl031;

/* Parses compatibles into the want_* flags; -EINVAL names an unknown entry. */
static int vfiolab_parse_compatibles(void)
{
	const char *p = compatibles ? compatibles : "";

	while (*p) {
		size_t len = strcspn(p, ";");

		if (len == strlen("virtio,mmio") && !strncmp(p, "virtio,mmio", len)) {
			want_virtio_mmio = true;
		} else if (len == strlen("arm,pl031") && !strncmp(p, "arm,pl031", len)) {
			want_pl031 = true;
		} else if (len) {
			pr_err("vfiolab_reset: no reset handler for compatible '%.*s'\n", (int)len, p);
			return -EINVAL;
		}
		p += len;
		if (*p == ';')
			p++;
	}
	return 0;
}

static int __init vfiolab_reset_init(void)
{
	int ret = vfiolab_parse_compatibles();

	if (ret)
		return ret;
	/* Braces: the macro expands to a static node declaration plus a call. */
	if (want_virtio_mmio) {
		vfio_platform_register_reset("virtio,mmio", vfiolab_virtio_mmio_reset);
	}
	if (want_pl031) {
		vfio_platform_register_reset("arm,pl031", vfiolab_pl031_reset);
	}
	pr_info("vfiolab_reset: reset handlers for '%s'\n", compatibles ? compatibles : "");
	return 0;
}

static void __exit vfiolab_reset_exit(void)
{
	if (want_pl031)
		vfio_platform_unregister_reset("arm,pl031", vfiolab_pl031_reset);
	if (want_virtio_mmio)
		vfio_platform_unregister_reset("virtio,mmio", vfiolab_virtio_mmio_reset);
}

module_init(vfiolab_reset_init);
module_exit(vfiolab_reset_exit);

MODULE_LICENSE("GPL v2");
MODULE_DESCRIPTION("VfioLab reset handlers for virtio-mmio and PL031 under vfio-platform/vfio-amba");
