namespace Quality.Domain.Formats.Json;

/// <summary>Where a value starts in the stream, so a seekable stream can be read again from there.</summary>
internal readonly record struct JsonCheckpoint(long ByteOffset, long Line);
