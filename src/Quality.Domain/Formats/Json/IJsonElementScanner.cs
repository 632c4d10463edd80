using System.Text.Json;

namespace Quality.Domain.Formats.Json;

/// <summary>
/// Reads an array element's object while the splitter checks it (<see cref="JsonStreamSplitter.ReadElementAsync(IJsonElementScanner?, CancellationToken)"/>),
/// so that a reader needs no second pass over the record's bytes to find its fields.
/// </summary>
internal interface IJsonElementScanner
{
    /// <summary>
    /// Reads the object whose StartObject <paramref name="reader"/> is on, to its EndObject, as
    /// <see cref="Utf8JsonReader.TrySkip"/> would: false when the buffer ends first (the splitter refills and calls
    /// again from the object's start). A syntax error is the reader's exception, raised where skipping would raise it.
    /// </summary>
    bool TryScan(ref Utf8JsonReader reader);

    /// <summary>
    /// Reads the object at the start of <paramref name="json"/> (its <c>{</c>) without a reader when it is plain JSON of
    /// the shape the scanner expects, as <see cref="TryScan"/> would read it: its length; 0 when it is anything else, or
    /// the data ends first (the splitter then reads it with <see cref="TryScan"/>, which gives every error).
    /// </summary>
    int ScanPlain(ReadOnlySpan<byte> json);
}
