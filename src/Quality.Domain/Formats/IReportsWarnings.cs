namespace Quality.Domain.Formats;

/// <summary>A reader that can read a file only by assuming something, and says what (read once the file is read to its end).</summary>
public interface IReportsWarnings
{
    IReadOnlyList<DeliveryWarning> Warnings { get; }
}
