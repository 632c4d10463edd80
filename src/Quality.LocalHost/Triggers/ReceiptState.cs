namespace Quality.LocalHost.Triggers;

/// <summary>Where a blob version stands for a blob-triggered function across the dev hosts on one account.</summary>
internal enum ReceiptState
{
    /// <summary>This host has claimed it and invokes the function now.</summary>
    Claimed,

    /// <summary>Another host is invoking the function for it.</summary>
    Busy,

    /// <summary>An invocation succeeded for it.</summary>
    Done,
}
