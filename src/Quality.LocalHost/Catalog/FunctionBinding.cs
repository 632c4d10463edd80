namespace Quality.LocalHost.Catalog;

/// <summary>
/// One binding of a function as <c>functions.metadata</c> names it: its type (blobTrigger, httpTrigger, durableClient,
/// …) and the properties that decide what triggers it, with values in the metadata's spelling.
/// </summary>
internal sealed record FunctionBinding(string Name, string Type, IReadOnlyDictionary<string, string> Properties);
