namespace Quality.Domain.Formats.Json;

/// <summary>
/// One value of a streamed JSON array: its UTF-8 text, valid until the splitter reads on, and where it starts so
/// that errors can point at it.
/// </summary>
/// <param name="Index">0-based position in its array, as in a field path (<c>annotations[3]</c>).</param>
/// <param name="Line">1-based line of its first byte.</param>
/// <param name="ByteOffset">0-based byte offset of its first byte from the start of the stream.</param>
internal readonly record struct JsonArrayElement(ReadOnlyMemory<byte> Utf8, long Index, long Line, long ByteOffset);
