using System.Text.Json;
using System.Text.Json.Serialization;

namespace Quality.Domain.Audit;

/// <summary>
/// Writes every <see cref="DateTimeOffset"/> as ISO 8601 in UTC with a Z (<c>2026-11-25T08:30:00Z</c>, fractional
/// seconds only when there are any), whatever offset it carries; reads any ISO 8601 offset. System.Text.Json on its own
/// writes the offset as it is (<c>+00:00</c>, or a local one).
/// </summary>
internal sealed class UtcDateTimeOffsetJsonConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetDateTimeOffset();

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.UtcDateTime);
    }
}
