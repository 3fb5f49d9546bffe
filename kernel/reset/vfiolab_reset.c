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
 */
#include <linux/module.h>
#include <linux/io.h>

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

static int __init vfiolab_reset_init(void)
{
	vfio_platform_register_reset("virtio,mmio", vfiolab_virtio_mmio_reset);
	vfio_platform_register_reset("arm,pl031", vfiolab_pl031_reset);
	return 0;
}

static void __exit vfiolab_reset_exit(void)
{
	vfio_platform_unregister_reset("arm,pl031", vfiolab_pl031_reset);
	vfio_platform_unregister_reset("virtio,mmio", vfiolab_virtio_mmio_reset);
}

module_init(vfiolab_reset_init);
module_exit(vfiolab_reset_exit);

MODULE_LICENSE("GPL v2");
MODULE_DESCRIPTION("VfioLab reset handlers for virtio-mmio and PL031 under vfio-platform/vfio-amba");
