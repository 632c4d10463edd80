namespace Quality.Cli;

/// <summary>What the process exit code tells a script.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Storage or another dependency failed; the input may be fine.</summary>
    public const int Failure = 1;

    /// <summary>The input is unusable (missing file, invalid delivery); stderr names the file, line and field.</summary>
    public const int BadInput = 2;
}
