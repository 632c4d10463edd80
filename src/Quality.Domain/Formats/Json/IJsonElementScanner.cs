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
}
