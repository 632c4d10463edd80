// Linked into the natively compiled command (Quality.Cli.csproj). An ELF constructor, so it runs before the .NET
// runtime starts: it asks the kernel for transparent huge pages on the program's zero-filled data, into which the
// runtime expands ~7 MB of type data at every start (the `.hydrated` section). Faulted in 4 KiB at a time, that was
// most of `quality --version`'s 2,164 page faults and a third of its CPU; its 6 MiB of whole 2 MiB pages take three
// faults, and the start 40.5 -> 27.2 ms of CPU (docs/performance.md, twelfth round). Where transparent huge pages are
// off, the advice is ignored and nothing changes.
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>

#define HUGE_PAGE ((uintptr_t)2 << 20)

// For the executable (dl_iterate_phdr's first object): each loaded segment's zero-filled tail, the 2 MiB pages
// wholly inside it.
static int advise_zero_filled(struct dl_phdr_info *info, size_t size, void *data)
{
    (void)size;
    (void)data;
    for (int i = 0; i < info->dlpi_phnum; i++)
    {
        const ElfW(Phdr) *segment = &info->dlpi_phdr[i];
        if (segment->p_type != PT_LOAD || segment->p_memsz <= segment->p_filesz)
        {
            continue;
        }

        uintptr_t start = info->dlpi_addr + segment->p_vaddr + segment->p_filesz;
        uintptr_t end = info->dlpi_addr + segment->p_vaddr + segment->p_memsz;
        start = (start + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
        end &= ~(HUGE_PAGE - 1);
        if (end > start)
        {
            madvise((void *)start, end - start, MADV_HUGEPAGE);
        }
    }

    return 1; // the executable only
}

__attribute__((constructor)) static void advise_huge_pages(void)
{
    dl_iterate_phdr(advise_zero_filled, 0);
}
