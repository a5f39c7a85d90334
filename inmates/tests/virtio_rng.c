// SPDX-License-Identifier: GPL-2.0
/*
 * Device partition: the cell owns a virtio-mmio transport with a virtio-rng
 * device behind it (legacy interface, QEMU's default) and its interrupt.
 * Reads the transport's identity, asks the device for 16 random bytes
 * through one virtqueue, and takes the completion interrupt.
 *
 * The queue and the buffer live in the cell's DMA region, which is mapped
 * at its physical address: the device knows nothing of the cell's view.
 * Where the transport, its interrupt and that region are is the
 * platform's (<inmate_arch.h>).
 */
#include <inmate.h>

enum {	/* legacy virtio-mmio registers */
	MAGIC = 0x000, VERSION = 0x004, DEVICE_ID = 0x008,
	GUEST_FEATURES = 0x020, GUEST_PAGE_SIZE = 0x028, QUEUE_SEL = 0x030,
	QUEUE_NUM_MAX = 0x034, QUEUE_NUM = 0x038, QUEUE_ALIGN = 0x03c,
	QUEUE_PFN = 0x040, QUEUE_NOTIFY = 0x050, INTERRUPT_STATUS = 0x060,
	INTERRUPT_ACK = 0x064, STATUS = 0x070,
};
#define STATUS_ACK	1
#define STATUS_DRIVER	2
#define STATUS_OK	4
#define QUEUE_SIZE	8
#define DESC_WRITE	2

struct desc { u64 addr; u32 len; u16 flags; u16 next; };
struct avail { u16 flags; u16 idx; u16 ring[QUEUE_SIZE]; };
struct used_elem { u32 id; u32 len; };
struct used { u16 flags; u16 idx; struct used_elem ring[QUEUE_SIZE]; };

static volatile u32 *reg(unsigned long offset)
{
	return (volatile u32 *)(VIRTIO_RNG_BASE + offset);
}

static volatile bool interrupted;
static volatile u32 irq_status;

static void on_irq(void)
{
	unsigned int intid = irq_ack();

	if (intid == VIRTIO_RNG_IRQ) {
		irq_status = *reg(INTERRUPT_STATUS);
		*reg(INTERRUPT_ACK) = irq_status;
		interrupted = true;
	}
	if (irq_valid(intid))
		irq_eoi(intid);
}

void inmate_main(void)
{
	volatile struct desc *desc = (void *)VIRTIO_DMA_BASE;
	volatile struct avail *avail = (void *)(VIRTIO_DMA_BASE + QUEUE_SIZE * sizeof(struct desc));
	volatile struct used *used = (void *)(VIRTIO_DMA_BASE + 4096);
	volatile u8 *buffer = (void *)(VIRTIO_DMA_BASE + 8192);
	u32 magic = *reg(MAGIC), version = *reg(VERSION), id = *reg(DEVICE_ID);
	u64 deadline;

	printk("virtio: magic 0x%x, version %u, device id %u\n", magic, version, id);
	if (magic != 0x74726976 || id != 4) {
		printk("Test result: FAILURE\n");
		return;
	}
	irq_init();
	irq_handler = on_irq;
	irq_enable_shared(VIRTIO_RNG_IRQ);

	*reg(STATUS) = 0;
	*reg(STATUS) = STATUS_ACK;
	*reg(STATUS) = STATUS_ACK | STATUS_DRIVER;
	*reg(GUEST_FEATURES) = 0;
	*reg(GUEST_PAGE_SIZE) = 4096;
	*reg(QUEUE_SEL) = 0;
	if (*reg(QUEUE_NUM_MAX) < QUEUE_SIZE) {
		printk("virtio: queue too small\nTest result: FAILURE\n");
		return;
	}
	*reg(QUEUE_NUM) = QUEUE_SIZE;
	*reg(QUEUE_ALIGN) = 4096;
	*reg(QUEUE_PFN) = (u32)(VIRTIO_DMA_BASE >> 12);
	*reg(STATUS) = STATUS_ACK | STATUS_DRIVER | STATUS_OK;

	desc[0].addr = (u64)(unsigned long)buffer;
	desc[0].len = 16;
	desc[0].flags = DESC_WRITE;
	desc[0].next = 0;
	avail->ring[0] = 0;
	device_barrier();
	avail->idx = 1;
	device_barrier();
	irq_enable();
	*reg(QUEUE_NOTIFY) = 0;

	/* Poll (not wfi): if the interrupt never comes, say so. */
	deadline = timer_ticks() + timer_frequency() * 5;
	while (!interrupted && timer_ticks() < deadline)
		;
	irq_disable();
	printk("virtio: interrupt %s (status 0x%x, now 0x%x), used idx %u, %u bytes: %02x %02x %02x %02x...\n",
	       interrupted ? "taken" : "missing", irq_status,
	       *reg(INTERRUPT_STATUS), used->idx,
	       used->ring[0].len, buffer[0], buffer[1], buffer[2], buffer[3]);
	printk("Test result: %s\n", interrupted && used->idx == 1 &&
	       used->ring[0].len == 16 ? "SUCCESS" : "FAILURE");
}
