namespace Quality.Domain.Formats;

/// <summary>
/// Something a reader had to assume to read a file as delivered (Label Studio annotations without <c>completed_by</c>):
/// the file is read, and the report says what was assumed, where, and how to say it instead. Named like an error:
/// file, line (0 for the file as a whole), field.
/// </summary>
public sealed record DeliveryWarning(string File, long Line, string? Field, string Problem)
{
    /// <summary>As <see cref="DeliveryFormatException"/> words an error: <c>file line N, field 'f': problem</c>.</summary>
    public string Message => new DeliveryFormatException(File, Line, Field, Problem).Message;
}
