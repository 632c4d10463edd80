using System.Runtime.CompilerServices;

namespace Quality.Cli;

/// <summary>
/// What the natively compiled command (<c>QUALITY_CLI_NATIVE=1 eng/install-cli.sh</c>) cannot do, said before it is
/// tried: Parquet.Net writes fact rows through generic code it makes at run time, which native code does not have, so
/// <c>quality audit --facts</c> and <c>quality query</c> need the managed command (docs/performance.md, native command line).
/// </summary>
internal static class NativeCommand
{
    /// <summary>True in the natively compiled command: no code can be made at run time.</summary>
    public static bool IsNative => !RuntimeFeature.IsDynamicCodeSupported;

    /// <summary>The error <paramref name="what"/> gets in the native command.</summary>
    public static string WithoutParquet(string what) =>
        $"{what}: Parquet facts need the managed command, and this one is natively compiled; install that one with `eng/install-cli.sh` (without QUALITY_CLI_NATIVE=1)";
}
