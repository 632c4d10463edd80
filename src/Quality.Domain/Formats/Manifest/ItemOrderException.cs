namespace Quality.Domain.Formats.Manifest;

/// <summary>
/// A manifest's files could not be merged item by item (<see cref="ManifestDeliveryReader.ReadItemsAsync"/>): a file
/// came back to an item already given out, or the files cannot be read apart. Not a fault of the delivery: read it
/// whole instead, which gives its figures, or its first error.
/// </summary>
public sealed class ItemOrderException : Exception
{
    public ItemOrderException()
    {
    }

    public ItemOrderException(string message)
        : base(message)
    {
    }

    public ItemOrderException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
