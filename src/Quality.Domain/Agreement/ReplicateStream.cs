namespace Quality.Domain.Agreement;

/// <summary>
/// The random stream of one bootstrap replicate: a <see cref="Random"/> seeded from the bootstrap's seed and the
/// replicate's index, so replicates can be drawn in any order, on any number of threads, and a seed still gives one
/// interval.
/// </summary>
/// <remarks>
/// The generator's seed is the SplitMix64 finaliser (Steele, Lea &amp; Flood 2014, "Fast splittable pseudorandom number
/// generators", OOPSLA) of (seed, replicate) packed into 64 bits, reduced to a non-negative int: a bijective mix, so
/// neighbouring replicates (or seeds) get unrelated generator seeds rather than the consecutive ints
/// <see cref="Random(int)"/> would map to nearby states. docs/statistics-conventions.md, "Bootstrap".
/// </remarks>
internal static class ReplicateStream
{
    public static Random For(int seed, int replicate) => new(Seed(seed, replicate));

    /// <summary>The same stream as <see cref="For"/>, drawn without a call per draw (<see cref="SubtractiveGenerator"/>).</summary>
    public static SubtractiveGenerator Generator(int seed, int replicate) => new(Seed(seed, replicate));

    /// <summary>The generator seed of replicate <paramref name="replicate"/> of the bootstrap seeded <paramref name="seed"/>.</summary>
    public static int Seed(int seed, int replicate)
    {
        var z = ((ulong)(uint)seed << 32) | (uint)replicate;
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z >> 33);
    }
}
