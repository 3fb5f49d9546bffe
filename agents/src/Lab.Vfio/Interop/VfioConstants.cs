namespace Lab.Vfio.Interop;

/// <summary>
/// Every numeric constant of <c>include/uapi/linux/vfio.h</c> that is not an ioctl number (those live in
/// <see cref="VfioContainerIoctl"/>, <see cref="VfioGroupIoctl"/> and <see cref="VfioDeviceIoctl"/>, one
/// enum per fd kind). Names mirror the C macros; the layout tests compare each value with the header as gcc
/// sees it, and fail on a header constant missing here. Constants newer than the build host's header carry
/// <see cref="KernelSinceAttribute"/>.
/// </summary>
public static class VfioConstants
{
    /// <summary><c>#define VFIO_API_VERSION 0</c>.</summary>
    public const uint VFIO_API_VERSION = 0;

    /// <summary><c>#define VFIO_TYPE1_IOMMU 1</c>.</summary>
    public const uint VFIO_TYPE1_IOMMU = 1;

    /// <summary><c>#define VFIO_SPAPR_TCE_IOMMU 2</c>.</summary>
    public const uint VFIO_SPAPR_TCE_IOMMU = 2;

    /// <summary><c>#define VFIO_TYPE1v2_IOMMU 3</c>.</summary>
    public const uint VFIO_TYPE1v2_IOMMU = 3;

    /// <summary><c>#define VFIO_DMA_CC_IOMMU 4</c>.</summary>
    public const uint VFIO_DMA_CC_IOMMU = 4;

    /// <summary><c>#define VFIO_EEH 5</c>.</summary>
    public const uint VFIO_EEH = 5;

    /// <summary><c>#define VFIO_TYPE1_NESTING_IOMMU 6</c>. Implies v2</summary>
    public const uint VFIO_TYPE1_NESTING_IOMMU = 6;

    /// <summary><c>#define VFIO_SPAPR_TCE_v2_IOMMU 7</c>.</summary>
    public const uint VFIO_SPAPR_TCE_v2_IOMMU = 7;

    /// <summary><c>#define VFIO_NOIOMMU_IOMMU 8</c>.</summary>
    public const uint VFIO_NOIOMMU_IOMMU = 8;

    /// <summary><c>#define VFIO_UNMAP_ALL 9</c>.</summary>
    public const uint VFIO_UNMAP_ALL = 9;

    /// <summary><c>#define VFIO_UPDATE_VADDR 10</c>.</summary>
    public const uint VFIO_UPDATE_VADDR = 10;

    /// <summary><c>#define VFIO_TYPE (';')</c>.</summary>
    public const uint VFIO_TYPE = ';';

    /// <summary><c>#define VFIO_BASE 100</c>.</summary>
    public const uint VFIO_BASE = 100;

    /// <summary><c>#define VFIO_GROUP_FLAGS_VIABLE (1 &lt;&lt; 0)</c>.</summary>
    public const uint VFIO_GROUP_FLAGS_VIABLE = 1u << 0;

    /// <summary><c>#define VFIO_GROUP_FLAGS_CONTAINER_SET (1 &lt;&lt; 1)</c>.</summary>
    public const uint VFIO_GROUP_FLAGS_CONTAINER_SET = 1u << 1;

    /// <summary><c>#define VFIO_DEVICE_FLAGS_RESET (1 &lt;&lt; 0)</c>. Device supports reset</summary>
    public const uint VFIO_DEVICE_FLAGS_RESET = 1u << 0;

    /// <summary><c>#define VFIO_DEVICE_FLAGS_PCI (1 &lt;&lt; 1)</c>. vfio-pci device</summary>
    public const uint VFIO_DEVICE_FLAGS_PCI = 1u << 1;

    /// <summary><c>#define VFIO_DEVICE_FLAGS_PLATFORM (1 &lt;&lt; 2)</c>. vfio-platform device</summary>
    public const uint VFIO_DEVICE_FLAGS_PLATFORM = 1u << 2;

    /// <summary><c>#define VFIO_DEVICE_FLAGS_AMBA (1 &lt;&lt; 3)</c>. vfio-amba device</summary>
    public const uint VFIO_DEVICE_FLAGS_AMBA = 1u << 3;

    /// <summary><c>#define VFIO_DEVICE_FLAGS_CCW (1 &lt;&lt; 4)</c>. vfio-ccw device</summary>
    public const uint VFIO_DEVICE_FLAGS_CCW = 1u << 4;

    /// <summary><c>#define VFIO_DEVICE_FLAGS_AP (1 &lt;&lt; 5)</c>. vfio-ap device</summary>
    public const uint VFIO_DEVICE_FLAGS_AP = 1u << 5;

    /// <summary><c>#define VFIO_DEVICE_FLAGS_FSL_MC (1 &lt;&lt; 6)</c>. vfio-fsl-mc device</summary>
    public const uint VFIO_DEVICE_FLAGS_FSL_MC = 1u << 6;

    /// <summary><c>#define VFIO_DEVICE_FLAGS_CAPS (1 &lt;&lt; 7)</c>. Info supports caps</summary>
    public const uint VFIO_DEVICE_FLAGS_CAPS = 1u << 7;

    /// <summary><c>#define VFIO_DEVICE_INFO_CAP_ZPCI_BASE 1</c>.</summary>
    public const uint VFIO_DEVICE_INFO_CAP_ZPCI_BASE = 1;

    /// <summary><c>#define VFIO_DEVICE_INFO_CAP_ZPCI_GROUP 2</c>.</summary>
    public const uint VFIO_DEVICE_INFO_CAP_ZPCI_GROUP = 2;

    /// <summary><c>#define VFIO_DEVICE_INFO_CAP_ZPCI_UTIL 3</c>.</summary>
    public const uint VFIO_DEVICE_INFO_CAP_ZPCI_UTIL = 3;

    /// <summary><c>#define VFIO_DEVICE_INFO_CAP_ZPCI_PFIP 4</c>.</summary>
    public const uint VFIO_DEVICE_INFO_CAP_ZPCI_PFIP = 4;

    /// <summary><c>#define VFIO_REGION_INFO_FLAG_READ (1 &lt;&lt; 0)</c>. Region supports read</summary>
    public const uint VFIO_REGION_INFO_FLAG_READ = 1u << 0;

    /// <summary><c>#define VFIO_REGION_INFO_FLAG_WRITE (1 &lt;&lt; 1)</c>. Region supports write</summary>
    public const uint VFIO_REGION_INFO_FLAG_WRITE = 1u << 1;

    /// <summary><c>#define VFIO_REGION_INFO_FLAG_MMAP (1 &lt;&lt; 2)</c>. Region supports mmap</summary>
    public const uint VFIO_REGION_INFO_FLAG_MMAP = 1u << 2;

    /// <summary><c>#define VFIO_REGION_INFO_FLAG_CAPS (1 &lt;&lt; 3)</c>. Info supports caps</summary>
    public const uint VFIO_REGION_INFO_FLAG_CAPS = 1u << 3;

    /// <summary><c>#define VFIO_REGION_INFO_CAP_SPARSE_MMAP 1</c>.</summary>
    public const uint VFIO_REGION_INFO_CAP_SPARSE_MMAP = 1;

    /// <summary><c>#define VFIO_REGION_INFO_CAP_TYPE 2</c>.</summary>
    public const uint VFIO_REGION_INFO_CAP_TYPE = 2;

    /// <summary><c>#define VFIO_REGION_TYPE_PCI_VENDOR_TYPE (1 &lt;&lt; 31)</c>.</summary>
    public const uint VFIO_REGION_TYPE_PCI_VENDOR_TYPE = 1u << 31;

    /// <summary><c>#define VFIO_REGION_TYPE_PCI_VENDOR_MASK (0xffff)</c>.</summary>
    public const uint VFIO_REGION_TYPE_PCI_VENDOR_MASK = 0xffff;

    /// <summary><c>#define VFIO_REGION_TYPE_GFX (1)</c>.</summary>
    public const uint VFIO_REGION_TYPE_GFX = 1;

    /// <summary><c>#define VFIO_REGION_TYPE_CCW (2)</c>.</summary>
    public const uint VFIO_REGION_TYPE_CCW = 2;

    /// <summary><c>#define VFIO_REGION_TYPE_MIGRATION_DEPRECATED (3)</c>.</summary>
    public const uint VFIO_REGION_TYPE_MIGRATION_DEPRECATED = 3;

    /// <summary><c>#define VFIO_REGION_SUBTYPE_INTEL_IGD_OPREGION (1)</c>.</summary>
    public const uint VFIO_REGION_SUBTYPE_INTEL_IGD_OPREGION = 1;

    /// <summary><c>#define VFIO_REGION_SUBTYPE_INTEL_IGD_HOST_CFG (2)</c>.</summary>
    public const uint VFIO_REGION_SUBTYPE_INTEL_IGD_HOST_CFG = 2;

    /// <summary><c>#define VFIO_REGION_SUBTYPE_INTEL_IGD_LPC_CFG (3)</c>.</summary>
    public const uint VFIO_REGION_SUBTYPE_INTEL_IGD_LPC_CFG = 3;

    /// <summary><c>#define VFIO_REGION_SUBTYPE_NVIDIA_NVLINK2_RAM (1)</c>.</summary>
    public const uint VFIO_REGION_SUBTYPE_NVIDIA_NVLINK2_RAM = 1;

    /// <summary><c>#define VFIO_REGION_SUBTYPE_IBM_NVLINK2_ATSD (1)</c>.</summary>
    public const uint VFIO_REGION_SUBTYPE_IBM_NVLINK2_ATSD = 1;

    /// <summary><c>#define VFIO_REGION_SUBTYPE_GFX_EDID (1)</c>.</summary>
    public const uint VFIO_REGION_SUBTYPE_GFX_EDID = 1;

    /// <summary><c>#define VFIO_DEVICE_GFX_LINK_STATE_UP 1</c>.</summary>
    public const uint VFIO_DEVICE_GFX_LINK_STATE_UP = 1;

    /// <summary><c>#define VFIO_DEVICE_GFX_LINK_STATE_DOWN 2</c>.</summary>
    public const uint VFIO_DEVICE_GFX_LINK_STATE_DOWN = 2;

    /// <summary><c>#define VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD (1)</c>.</summary>
    public const uint VFIO_REGION_SUBTYPE_CCW_ASYNC_CMD = 1;

    /// <summary><c>#define VFIO_REGION_SUBTYPE_CCW_SCHIB (2)</c>.</summary>
    public const uint VFIO_REGION_SUBTYPE_CCW_SCHIB = 2;

    /// <summary><c>#define VFIO_REGION_SUBTYPE_CCW_CRW (3)</c>.</summary>
    public const uint VFIO_REGION_SUBTYPE_CCW_CRW = 3;

    /// <summary><c>#define VFIO_REGION_SUBTYPE_MIGRATION_DEPRECATED (1)</c>.</summary>
    public const uint VFIO_REGION_SUBTYPE_MIGRATION_DEPRECATED = 1;

    /// <summary><c>#define VFIO_DEVICE_STATE_V1_STOP (0)</c>.</summary>
    public const uint VFIO_DEVICE_STATE_V1_STOP = 0;

    /// <summary><c>#define VFIO_DEVICE_STATE_V1_RUNNING (1 &lt;&lt; 0)</c>.</summary>
    public const uint VFIO_DEVICE_STATE_V1_RUNNING = 1u << 0;

    /// <summary><c>#define VFIO_DEVICE_STATE_V1_SAVING (1 &lt;&lt; 1)</c>.</summary>
    public const uint VFIO_DEVICE_STATE_V1_SAVING = 1u << 1;

    /// <summary><c>#define VFIO_DEVICE_STATE_V1_RESUMING (1 &lt;&lt; 2)</c>.</summary>
    public const uint VFIO_DEVICE_STATE_V1_RESUMING = 1u << 2;

    /// <summary><c>#define VFIO_DEVICE_STATE_MASK (VFIO_DEVICE_STATE_V1_RUNNING | VFIO_DEVICE_STATE_V1_SAVING | VFIO_DEVICE_STATE_V1_RESUMING)</c>.</summary>
    public const uint VFIO_DEVICE_STATE_MASK = VFIO_DEVICE_STATE_V1_RUNNING | VFIO_DEVICE_STATE_V1_SAVING | VFIO_DEVICE_STATE_V1_RESUMING;

    /// <summary><c>#define VFIO_REGION_INFO_CAP_MSIX_MAPPABLE 3</c>.</summary>
    public const uint VFIO_REGION_INFO_CAP_MSIX_MAPPABLE = 3;

    /// <summary><c>#define VFIO_REGION_INFO_CAP_NVLINK2_SSATGT 4</c>.</summary>
    public const uint VFIO_REGION_INFO_CAP_NVLINK2_SSATGT = 4;

    /// <summary><c>#define VFIO_REGION_INFO_CAP_NVLINK2_LNKSPD 5</c>.</summary>
    public const uint VFIO_REGION_INFO_CAP_NVLINK2_LNKSPD = 5;

    /// <summary><c>#define VFIO_IRQ_INFO_EVENTFD (1 &lt;&lt; 0)</c>.</summary>
    public const uint VFIO_IRQ_INFO_EVENTFD = 1u << 0;

    /// <summary><c>#define VFIO_IRQ_INFO_MASKABLE (1 &lt;&lt; 1)</c>.</summary>
    public const uint VFIO_IRQ_INFO_MASKABLE = 1u << 1;

    /// <summary><c>#define VFIO_IRQ_INFO_AUTOMASKED (1 &lt;&lt; 2)</c>.</summary>
    public const uint VFIO_IRQ_INFO_AUTOMASKED = 1u << 2;

    /// <summary><c>#define VFIO_IRQ_INFO_NORESIZE (1 &lt;&lt; 3)</c>.</summary>
    public const uint VFIO_IRQ_INFO_NORESIZE = 1u << 3;

    /// <summary><c>#define VFIO_IRQ_SET_DATA_NONE (1 &lt;&lt; 0)</c>. Data not present</summary>
    public const uint VFIO_IRQ_SET_DATA_NONE = 1u << 0;

    /// <summary><c>#define VFIO_IRQ_SET_DATA_BOOL (1 &lt;&lt; 1)</c>. Data is bool (u8)</summary>
    public const uint VFIO_IRQ_SET_DATA_BOOL = 1u << 1;

    /// <summary><c>#define VFIO_IRQ_SET_DATA_EVENTFD (1 &lt;&lt; 2)</c>. Data is eventfd (s32)</summary>
    public const uint VFIO_IRQ_SET_DATA_EVENTFD = 1u << 2;

    /// <summary><c>#define VFIO_IRQ_SET_ACTION_MASK (1 &lt;&lt; 3)</c>. Mask interrupt</summary>
    public const uint VFIO_IRQ_SET_ACTION_MASK = 1u << 3;

    /// <summary><c>#define VFIO_IRQ_SET_ACTION_UNMASK (1 &lt;&lt; 4)</c>. Unmask interrupt</summary>
    public const uint VFIO_IRQ_SET_ACTION_UNMASK = 1u << 4;

    /// <summary><c>#define VFIO_IRQ_SET_ACTION_TRIGGER (1 &lt;&lt; 5)</c>. Trigger interrupt</summary>
    public const uint VFIO_IRQ_SET_ACTION_TRIGGER = 1u << 5;

    /// <summary><c>#define VFIO_IRQ_SET_DATA_TYPE_MASK (VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_DATA_EVENTFD)</c>.</summary>
    public const uint VFIO_IRQ_SET_DATA_TYPE_MASK = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_DATA_BOOL | VFIO_IRQ_SET_DATA_EVENTFD;

    /// <summary><c>#define VFIO_IRQ_SET_ACTION_TYPE_MASK (VFIO_IRQ_SET_ACTION_MASK | VFIO_IRQ_SET_ACTION_UNMASK | VFIO_IRQ_SET_ACTION_TRIGGER)</c>.</summary>
    public const uint VFIO_IRQ_SET_ACTION_TYPE_MASK = VFIO_IRQ_SET_ACTION_MASK | VFIO_IRQ_SET_ACTION_UNMASK | VFIO_IRQ_SET_ACTION_TRIGGER;

    /// <summary><c>#define VFIO_GFX_PLANE_TYPE_PROBE (1 &lt;&lt; 0)</c>.</summary>
    public const uint VFIO_GFX_PLANE_TYPE_PROBE = 1u << 0;

    /// <summary><c>#define VFIO_GFX_PLANE_TYPE_DMABUF (1 &lt;&lt; 1)</c>.</summary>
    public const uint VFIO_GFX_PLANE_TYPE_DMABUF = 1u << 1;

    /// <summary><c>#define VFIO_GFX_PLANE_TYPE_REGION (1 &lt;&lt; 2)</c>.</summary>
    public const uint VFIO_GFX_PLANE_TYPE_REGION = 1u << 2;

    /// <summary><c>#define VFIO_DEVICE_IOEVENTFD_8 (1 &lt;&lt; 0)</c>. 1-byte write</summary>
    public const uint VFIO_DEVICE_IOEVENTFD_8 = 1u << 0;

    /// <summary><c>#define VFIO_DEVICE_IOEVENTFD_16 (1 &lt;&lt; 1)</c>. 2-byte write</summary>
    public const uint VFIO_DEVICE_IOEVENTFD_16 = 1u << 1;

    /// <summary><c>#define VFIO_DEVICE_IOEVENTFD_32 (1 &lt;&lt; 2)</c>. 4-byte write</summary>
    public const uint VFIO_DEVICE_IOEVENTFD_32 = 1u << 2;

    /// <summary><c>#define VFIO_DEVICE_IOEVENTFD_64 (1 &lt;&lt; 3)</c>. 8-byte write</summary>
    public const uint VFIO_DEVICE_IOEVENTFD_64 = 1u << 3;

    /// <summary><c>#define VFIO_DEVICE_IOEVENTFD_SIZE_MASK (0xf)</c>.</summary>
    public const uint VFIO_DEVICE_IOEVENTFD_SIZE_MASK = 0xf;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_MASK (0xffff)</c>. 16-bit feature index</summary>
    public const uint VFIO_DEVICE_FEATURE_MASK = 0xffff;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_GET (1 &lt;&lt; 16)</c>. Get feature into data[]</summary>
    public const uint VFIO_DEVICE_FEATURE_GET = 1u << 16;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_SET (1 &lt;&lt; 17)</c>. Set feature from data[]</summary>
    public const uint VFIO_DEVICE_FEATURE_SET = 1u << 17;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_PROBE (1 &lt;&lt; 18)</c>. Probe feature support</summary>
    public const uint VFIO_DEVICE_FEATURE_PROBE = 1u << 18;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_PCI_VF_TOKEN (0)</c>.</summary>
    public const uint VFIO_DEVICE_FEATURE_PCI_VF_TOKEN = 0;

    /// <summary><c>#define VFIO_MIGRATION_STOP_COPY (1 &lt;&lt; 0)</c>.</summary>
    public const uint VFIO_MIGRATION_STOP_COPY = 1u << 0;

    /// <summary><c>#define VFIO_MIGRATION_P2P (1 &lt;&lt; 1)</c>.</summary>
    public const uint VFIO_MIGRATION_P2P = 1u << 1;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_MIGRATION 1</c>.</summary>
    public const uint VFIO_DEVICE_FEATURE_MIGRATION = 1;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE 2</c>.</summary>
    public const uint VFIO_DEVICE_FEATURE_MIG_DEVICE_STATE = 2;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY 3</c>.</summary>
    public const uint VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY = 3;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY_WITH_WAKEUP 4</c>.</summary>
    public const uint VFIO_DEVICE_FEATURE_LOW_POWER_ENTRY_WITH_WAKEUP = 4;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_LOW_POWER_EXIT 5</c>.</summary>
    public const uint VFIO_DEVICE_FEATURE_LOW_POWER_EXIT = 5;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_DMA_LOGGING_START 6</c>.</summary>
    public const uint VFIO_DEVICE_FEATURE_DMA_LOGGING_START = 6;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_DMA_LOGGING_STOP 7</c>.</summary>
    public const uint VFIO_DEVICE_FEATURE_DMA_LOGGING_STOP = 7;

    /// <summary><c>#define VFIO_DEVICE_FEATURE_DMA_LOGGING_REPORT 8</c>.</summary>
    public const uint VFIO_DEVICE_FEATURE_DMA_LOGGING_REPORT = 8;

    /// <summary><c>#define VFIO_IOMMU_INFO_PGSIZES (1 &lt;&lt; 0)</c>. supported page sizes info</summary>
    public const uint VFIO_IOMMU_INFO_PGSIZES = 1u << 0;

    /// <summary><c>#define VFIO_IOMMU_INFO_CAPS (1 &lt;&lt; 1)</c>. Info supports caps</summary>
    public const uint VFIO_IOMMU_INFO_CAPS = 1u << 1;

    /// <summary><c>#define VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE 1</c>.</summary>
    public const uint VFIO_IOMMU_TYPE1_INFO_CAP_IOVA_RANGE = 1;

    /// <summary><c>#define VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION 2</c>.</summary>
    public const uint VFIO_IOMMU_TYPE1_INFO_CAP_MIGRATION = 2;

    /// <summary><c>#define VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL 3</c>.</summary>
    public const uint VFIO_IOMMU_TYPE1_INFO_DMA_AVAIL = 3;

    /// <summary><c>#define VFIO_DMA_MAP_FLAG_READ (1 &lt;&lt; 0)</c>. readable from device</summary>
    public const uint VFIO_DMA_MAP_FLAG_READ = 1u << 0;

    /// <summary><c>#define VFIO_DMA_MAP_FLAG_WRITE (1 &lt;&lt; 1)</c>. writable from device</summary>
    public const uint VFIO_DMA_MAP_FLAG_WRITE = 1u << 1;

    /// <summary><c>#define VFIO_DMA_MAP_FLAG_VADDR (1 &lt;&lt; 2)</c>.</summary>
    public const uint VFIO_DMA_MAP_FLAG_VADDR = 1u << 2;

    /// <summary><c>#define VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP (1 &lt;&lt; 0)</c>.</summary>
    public const uint VFIO_DMA_UNMAP_FLAG_GET_DIRTY_BITMAP = 1u << 0;

    /// <summary><c>#define VFIO_DMA_UNMAP_FLAG_ALL (1 &lt;&lt; 1)</c>.</summary>
    public const uint VFIO_DMA_UNMAP_FLAG_ALL = 1u << 1;

    /// <summary><c>#define VFIO_DMA_UNMAP_FLAG_VADDR (1 &lt;&lt; 2)</c>.</summary>
    public const uint VFIO_DMA_UNMAP_FLAG_VADDR = 1u << 2;

    /// <summary><c>#define VFIO_IOMMU_DIRTY_PAGES_FLAG_START (1 &lt;&lt; 0)</c>.</summary>
    public const uint VFIO_IOMMU_DIRTY_PAGES_FLAG_START = 1u << 0;

    /// <summary><c>#define VFIO_IOMMU_DIRTY_PAGES_FLAG_STOP (1 &lt;&lt; 1)</c>.</summary>
    public const uint VFIO_IOMMU_DIRTY_PAGES_FLAG_STOP = 1u << 1;

    /// <summary><c>#define VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP (1 &lt;&lt; 2)</c>.</summary>
    public const uint VFIO_IOMMU_DIRTY_PAGES_FLAG_GET_BITMAP = 1u << 2;

    /// <summary><c>#define VFIO_IOMMU_SPAPR_INFO_DDW (1 &lt;&lt; 0)</c>. DDW supported</summary>
    public const uint VFIO_IOMMU_SPAPR_INFO_DDW = 1u << 0;

    /// <summary><c>#define VFIO_EEH_PE_DISABLE 0</c>. Disable EEH functionality</summary>
    public const uint VFIO_EEH_PE_DISABLE = 0;

    /// <summary><c>#define VFIO_EEH_PE_ENABLE 1</c>. Enable EEH functionality</summary>
    public const uint VFIO_EEH_PE_ENABLE = 1;

    /// <summary><c>#define VFIO_EEH_PE_UNFREEZE_IO 2</c>. Enable IO for frozen PE</summary>
    public const uint VFIO_EEH_PE_UNFREEZE_IO = 2;

    /// <summary><c>#define VFIO_EEH_PE_UNFREEZE_DMA 3</c>. Enable DMA for frozen PE</summary>
    public const uint VFIO_EEH_PE_UNFREEZE_DMA = 3;

    /// <summary><c>#define VFIO_EEH_PE_GET_STATE 4</c>. PE state retrieval</summary>
    public const uint VFIO_EEH_PE_GET_STATE = 4;

    /// <summary><c>#define VFIO_EEH_PE_STATE_NORMAL 0</c>. PE in functional state</summary>
    public const uint VFIO_EEH_PE_STATE_NORMAL = 0;

    /// <summary><c>#define VFIO_EEH_PE_STATE_RESET 1</c>. PE reset in progress</summary>
    public const uint VFIO_EEH_PE_STATE_RESET = 1;

    /// <summary><c>#define VFIO_EEH_PE_STATE_STOPPED 2</c>. Stopped DMA and IO</summary>
    public const uint VFIO_EEH_PE_STATE_STOPPED = 2;

    /// <summary><c>#define VFIO_EEH_PE_STATE_STOPPED_DMA 4</c>. Stopped DMA only</summary>
    public const uint VFIO_EEH_PE_STATE_STOPPED_DMA = 4;

    /// <summary><c>#define VFIO_EEH_PE_STATE_UNAVAIL 5</c>. State unavailable</summary>
    public const uint VFIO_EEH_PE_STATE_UNAVAIL = 5;

    /// <summary><c>#define VFIO_EEH_PE_RESET_DEACTIVATE 5</c>. Deassert PE reset</summary>
    public const uint VFIO_EEH_PE_RESET_DEACTIVATE = 5;

    /// <summary><c>#define VFIO_EEH_PE_RESET_HOT 6</c>. Assert hot reset</summary>
    public const uint VFIO_EEH_PE_RESET_HOT = 6;

    /// <summary><c>#define VFIO_EEH_PE_RESET_FUNDAMENTAL 7</c>. Assert fundamental reset</summary>
    public const uint VFIO_EEH_PE_RESET_FUNDAMENTAL = 7;

    /// <summary><c>#define VFIO_EEH_PE_CONFIGURE 8</c>. PE configuration</summary>
    public const uint VFIO_EEH_PE_CONFIGURE = 8;

    /// <summary><c>#define VFIO_EEH_PE_INJECT_ERR 9</c>. Inject EEH error</summary>
    public const uint VFIO_EEH_PE_INJECT_ERR = 9;

    /// <summary><c>VFIO_DEVICE_FLAGS_CDX (1 &lt;&lt; 8)</c>: vfio-cdx device.</summary>
    [KernelSince("6.6")]
    public const uint VFIO_DEVICE_FLAGS_CDX = 1u << 8;

    /// <summary><c>VFIO_DEVICE_INFO_CAP_PCI_ATOMIC_COMP 5</c>.</summary>
    [KernelSince("6.5")]
    public const uint VFIO_DEVICE_INFO_CAP_PCI_ATOMIC_COMP = 5;

    // Enumerators (C enums, not macros) a PCI or CCW device meets.

    /// <summary><c>VFIO_PCI_BAR0_REGION_INDEX</c>.</summary>
    public const uint VFIO_PCI_BAR0_REGION_INDEX = 0;

    /// <summary><c>VFIO_PCI_BAR1_REGION_INDEX</c>.</summary>
    public const uint VFIO_PCI_BAR1_REGION_INDEX = 1;

    /// <summary><c>VFIO_PCI_BAR2_REGION_INDEX</c>.</summary>
    public const uint VFIO_PCI_BAR2_REGION_INDEX = 2;

    /// <summary><c>VFIO_PCI_BAR3_REGION_INDEX</c>.</summary>
    public const uint VFIO_PCI_BAR3_REGION_INDEX = 3;

    /// <summary><c>VFIO_PCI_BAR4_REGION_INDEX</c>.</summary>
    public const uint VFIO_PCI_BAR4_REGION_INDEX = 4;

    /// <summary><c>VFIO_PCI_BAR5_REGION_INDEX</c>.</summary>
    public const uint VFIO_PCI_BAR5_REGION_INDEX = 5;

    /// <summary><c>VFIO_PCI_ROM_REGION_INDEX</c>.</summary>
    public const uint VFIO_PCI_ROM_REGION_INDEX = 6;

    /// <summary><c>VFIO_PCI_CONFIG_REGION_INDEX</c>.</summary>
    public const uint VFIO_PCI_CONFIG_REGION_INDEX = 7;

    /// <summary><c>VFIO_PCI_VGA_REGION_INDEX</c>.</summary>
    public const uint VFIO_PCI_VGA_REGION_INDEX = 8;

    /// <summary><c>VFIO_PCI_NUM_REGIONS = 9</c>.</summary>
    public const uint VFIO_PCI_NUM_REGIONS = 9;

    /// <summary><c>VFIO_PCI_INTX_IRQ_INDEX</c>.</summary>
    public const uint VFIO_PCI_INTX_IRQ_INDEX = 0;

    /// <summary><c>VFIO_PCI_MSI_IRQ_INDEX</c>.</summary>
    public const uint VFIO_PCI_MSI_IRQ_INDEX = 1;

    /// <summary><c>VFIO_PCI_MSIX_IRQ_INDEX</c>.</summary>
    public const uint VFIO_PCI_MSIX_IRQ_INDEX = 2;

    /// <summary><c>VFIO_PCI_ERR_IRQ_INDEX</c>.</summary>
    public const uint VFIO_PCI_ERR_IRQ_INDEX = 3;

    /// <summary><c>VFIO_PCI_REQ_IRQ_INDEX</c>.</summary>
    public const uint VFIO_PCI_REQ_IRQ_INDEX = 4;

    /// <summary><c>VFIO_PCI_NUM_IRQS</c>.</summary>
    public const uint VFIO_PCI_NUM_IRQS = 5;

    /// <summary><c>VFIO_CCW_CONFIG_REGION_INDEX</c>.</summary>
    public const uint VFIO_CCW_CONFIG_REGION_INDEX = 0;

    /// <summary><c>VFIO_CCW_NUM_REGIONS</c>.</summary>
    public const uint VFIO_CCW_NUM_REGIONS = 1;

    /// <summary><c>VFIO_CCW_IO_IRQ_INDEX</c>.</summary>
    public const uint VFIO_CCW_IO_IRQ_INDEX = 0;

    /// <summary><c>VFIO_CCW_CRW_IRQ_INDEX</c>.</summary>
    public const uint VFIO_CCW_CRW_IRQ_INDEX = 1;

    /// <summary><c>VFIO_CCW_REQ_IRQ_INDEX</c>.</summary>
    public const uint VFIO_CCW_REQ_IRQ_INDEX = 2;

    /// <summary><c>VFIO_CCW_NUM_IRQS</c>.</summary>
    public const uint VFIO_CCW_NUM_IRQS = 3;

    /// <summary><c>enum vfio_device_mig_state: VFIO_DEVICE_STATE_ERROR = 0</c>.</summary>
    public const uint VFIO_DEVICE_STATE_ERROR = 0;

    /// <summary><c>VFIO_DEVICE_STATE_STOP = 1</c>.</summary>
    public const uint VFIO_DEVICE_STATE_STOP = 1;

    /// <summary><c>VFIO_DEVICE_STATE_RUNNING = 2</c>.</summary>
    public const uint VFIO_DEVICE_STATE_RUNNING = 2;

    /// <summary><c>VFIO_DEVICE_STATE_STOP_COPY = 3</c>.</summary>
    public const uint VFIO_DEVICE_STATE_STOP_COPY = 3;

    /// <summary><c>VFIO_DEVICE_STATE_RESUMING = 4</c>.</summary>
    public const uint VFIO_DEVICE_STATE_RESUMING = 4;

    /// <summary><c>VFIO_DEVICE_STATE_RUNNING_P2P = 5</c>.</summary>
    public const uint VFIO_DEVICE_STATE_RUNNING_P2P = 5;

    /// <summary><c>VFIO_DEVICE_API_PCI_STRING</c>.</summary>
    public const string VFIO_DEVICE_API_PCI_STRING = "vfio-pci";

    /// <summary><c>VFIO_DEVICE_API_PLATFORM_STRING</c>.</summary>
    public const string VFIO_DEVICE_API_PLATFORM_STRING = "vfio-platform";

    /// <summary><c>VFIO_DEVICE_API_AMBA_STRING</c>.</summary>
    public const string VFIO_DEVICE_API_AMBA_STRING = "vfio-amba";

    /// <summary><c>VFIO_DEVICE_API_CCW_STRING</c>.</summary>
    public const string VFIO_DEVICE_API_CCW_STRING = "vfio-ccw";

    /// <summary><c>VFIO_DEVICE_API_AP_STRING</c>.</summary>
    public const string VFIO_DEVICE_API_AP_STRING = "vfio-ap";
}
