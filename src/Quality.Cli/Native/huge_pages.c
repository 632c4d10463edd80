// Linked into the natively compiled command (Quality.Cli.csproj): transparent huge pages for the memory the command
// touches most, where the system gives them on advice (/sys/kernel/mm/transparent_hugepage/enabled = madvise, as
// here). On this VM a fresh 4 KiB page costs ~10.5 us to fault in, a 2 MiB page usually ~0.13 ms: 40 times less per
// byte (64 MiB touched a page at a time, docs/performance.md, thirteenth round). Where transparent huge pages are off,
// the advice is ignored and nothing changes; where they are always on, the same.
#define _GNU_SOURCE
#include <link.h>
#include <stdint.h>
#include <sys/mman.h>

#define HUGE_PAGE ((uintptr_t)2 << 20)

// 1. The runtime's type data, expanded at every start into the program's zero-filled data (the `.hydrated` section,
// ~7 MB). Faulted in 4 KiB at a time, that was most of `quality --version`'s 2,164 page faults and a third of its CPU;
// its 6 MiB of whole 2 MiB pages take three faults, and the start 40.5 -> 27.2 ms of CPU (twelfth round).

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

// An ELF constructor, so it runs before the .NET runtime starts.
__attribute__((constructor)) static void advise_huge_pages(void)
{
    dl_iterate_phdr(advise_zero_filled, 0);
}

// 2. The collector's heap. It reserves one range (tens of GB of address space, nothing committed) and commits it a
// page or 64 KiB at a time (mprotect to read-write, then madvise MADV_DODUMP); each commit splits the range's
// mappings, and the kernel gives a huge page only where one mapping with the same protection and advice covers the
// whole 2 MiB page. So: huge-page advice on the reservation, and each commit inside it widened to the 2 MiB pages it
// touches. The collector's runtime calls reach these through the link (-Wl,--wrap, Quality.Cli.csproj).
//
// Widening is safe because committing more than asked only makes reserved pages readable and writable: the collector
// never touches memory it has not committed, so those pages stay untouched and zero (as it expects of memory it
// commits later), cost nothing until then, and a decommit (mmap MAP_FIXED PROT_NONE) of the collector's own range
// still releases exactly that range. A commit that cannot be widened is made as asked.
//
// Medians of 15 alternated runs: a 1,000-frame gold audit 14,667 -> 1,393 page faults, 0.78 -> 0.66 s; alpha on the
// 108 MB table 7,709 -> 996 faults, 0.29 -> 0.22 s; peak RSS +7 and +11 MiB (a huge page is resident whole once
// touched).

void *__real_mmap64(void *address, size_t length, int protection, int flags, int file, off_t offset);
int __real_mprotect(void *address, size_t length, int protection);
int __real_madvise(void *address, size_t length, int advice);

// A reservation at least this large is the collector's heap (with regions, address space for twice the machine's
// memory: 47 GiB here; the collector's own tables are reserved apart, ~50 MB, and stay on small pages). A heap
// reserved smaller (as a tight memory limit may make it) is not recognised and keeps small pages, as before.
#define HEAP_RESERVATION ((size_t)1 << 30)

// The heap's reservation, set once when the runtime starts (before any other thread) and only read after.
static uintptr_t heap_start, heap_end;

static int in_heap(void *address)
{
    uintptr_t at = (uintptr_t)address;
    uintptr_t start = __atomic_load_n(&heap_start, __ATOMIC_ACQUIRE);
    return start != 0 && at >= start && at < __atomic_load_n(&heap_end, __ATOMIC_RELAXED);
}

// [address, address + length) widened to whole 2 MiB pages, within the heap's reservation.
static void widen(void *address, size_t length, uintptr_t *start, uintptr_t *end)
{
    *start = (uintptr_t)address & ~(HUGE_PAGE - 1);
    *end = ((uintptr_t)address + length + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
    if (*start < heap_start)
    {
        *start = heap_start;
    }

    if (*end > heap_end)
    {
        *end = heap_end;
    }
}

void *__wrap_mmap64(void *address, size_t length, int protection, int flags, int file, off_t offset)
{
    void *mapped = __real_mmap64(address, length, protection, flags, file, offset);
    if (mapped == MAP_FAILED || !(flags & MAP_ANONYMOUS) || protection != PROT_NONE)
    {
        return mapped;
    }

    if (!(flags & MAP_FIXED) && length >= HEAP_RESERVATION && heap_start == 0)
    {
        __atomic_store_n(&heap_end, (uintptr_t)mapped + length, __ATOMIC_RELAXED);
        __atomic_store_n(&heap_start, (uintptr_t)mapped, __ATOMIC_RELEASE);
        __real_madvise(mapped, length, MADV_HUGEPAGE);
    }
    else if ((flags & MAP_FIXED) && in_heap(mapped))
    {
        // A decommit maps the range afresh, without the advice: given again, so that a later commit takes huge pages.
        __real_madvise(mapped, length, MADV_HUGEPAGE);
    }

    return mapped;
}

int __wrap_mprotect(void *address, size_t length, int protection)
{
    if (protection == (PROT_READ | PROT_WRITE) && in_heap(address))
    {
        uintptr_t start, end;
        widen(address, length, &start, &end);
        if (__real_mprotect((void *)start, end - start, protection) == 0)
        {
            return 0;
        }
    }

    return __real_mprotect(address, length, protection);
}

int __wrap_madvise(void *address, size_t length, int advice)
{
    // The dump advice that follows each commit, widened alike: otherwise it splits the mapping again.
    if (advice == MADV_DODUMP && in_heap(address))
    {
        uintptr_t start, end;
        widen(address, length, &start, &end);
        return __real_madvise((void *)start, end - start, advice);
    }

    return __real_madvise(address, length, advice);
}
