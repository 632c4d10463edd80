namespace Quality.Functions.Standards;

/// <summary>One published standard version.</summary>
internal sealed record StandardEntryView(string Pipeline, string Version, string Reference, string Uri);
