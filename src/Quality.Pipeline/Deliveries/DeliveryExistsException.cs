namespace Quality.Pipeline.Deliveries;

/// <summary>A delivery blob that exists already: a delivery is never replaced, a new one takes a new id.</summary>
public sealed class DeliveryExistsException(string blobName)
    : Exception($"incoming/{blobName} is already delivered; a delivery is never replaced, so deliver it under a new deliveryId.")
{
    public string BlobName { get; } = blobName;
}
