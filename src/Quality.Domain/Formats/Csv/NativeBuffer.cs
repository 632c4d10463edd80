using System.Buffers;
using System.Runtime.InteropServices;

namespace Quality.Domain.Formats.Csv;

/// <summary>
/// Bytes outside the collected heap, for a stream to read into (<see cref="MemoryManager{T}.Memory"/>) and a parser to
/// read from (<see cref="GetSpan"/>); freed by <see cref="IDisposable.Dispose"/>, which the owner calls once nothing
/// reads them (<see cref="BlockBuffers"/>).
/// </summary>
/// <remarks>
/// On Linux a buffer of 2 MiB or more is aligned to 2 MiB and advised to take transparent huge pages (where the system
/// gives them on advice, <c>/sys/kernel/mm/transparent_hugepage/enabled</c> = madvise, as here): 8 MB then fault in as
/// 4 pages instead of 2,048. Where the advice is not taken (another system, no such call), the buffer is the same with
/// small pages.
/// </remarks>
internal sealed unsafe class NativeBuffer : MemoryManager<byte>
{
    private const int HugePage = 2 << 20;
    private const int AdviseHugePages = 14; // MADV_HUGEPAGE

    private byte* _bytes;

    public NativeBuffer(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        Length = length;
        var huge = length >= HugePage && OperatingSystem.IsLinux();
        _bytes = (byte*)NativeMemory.AlignedAlloc((nuint)length, (nuint)(huge ? HugePage : 64));
        if (huge)
        {
            AdviseHuge(_bytes, length);
        }
    }

    public int Length { get; }

    public override Span<byte> GetSpan()
    {
        ObjectDisposedException.ThrowIf(_bytes is null, this);
        return new Span<byte>(_bytes, Length);
    }

    public override MemoryHandle Pin(int elementIndex = 0)
    {
        ObjectDisposedException.ThrowIf(_bytes is null, this);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)elementIndex, (uint)Length, nameof(elementIndex));
        return new MemoryHandle(_bytes + elementIndex);
    }

    public override void Unpin()
    {
    }

    protected override void Dispose(bool disposing)
    {
        NativeMemory.AlignedFree(_bytes);
        _bytes = null;
    }

    private static void AdviseHuge(byte* bytes, int length)
    {
        try
        {
            _ = Madvise(bytes, (nuint)length, AdviseHugePages); // advice only: a refusal leaves small pages
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
        }
    }

    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(byte* address, nuint length, int advice);
}
