using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Quality.Domain.Sampling;

/// <summary>The uniform number u ∈ (0, 1) that a seed assigns to an item id: the same on every machine and in every order.</summary>
/// <remarks>
/// u = (⌊h / 2¹¹⌋ + ½) / 2⁵³, h the first 8 bytes (big-endian) of SHA-256(UTF-8(seed) ‖ 0x00 ‖ UTF-8(itemId)): 53 random
/// bits, the precision of a double, shifted by half a step so u is never 0 or 1.
/// </remarks>
internal static class SelectionKey
{
    private const int StackLimit = 256;

    public static double Uniform(string seed, string itemId)
    {
        var seedBytes = Encoding.UTF8.GetByteCount(seed);
        var length = seedBytes + 1 + Encoding.UTF8.GetByteCount(itemId);
        // Called once per unit of the frame: the message stays on the stack unless the ids are unusually long.
        var buffer = (length <= StackLimit ? stackalloc byte[StackLimit] : new byte[length])[..length];
        Encoding.UTF8.GetBytes(seed, buffer);
        buffer[seedBytes] = 0;
        Encoding.UTF8.GetBytes(itemId, buffer[(seedBytes + 1)..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(buffer, hash);
        var bits = BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11;
        return (bits + 0.5) / (1UL << 53);
    }
}
