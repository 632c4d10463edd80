namespace Quality.Functions.Access;

/// <summary>
/// <c>Auth:Mode</c> (Open or Roles), and what the platform says: <c>WEBSITE_AUTH_ENABLED</c> (App Service
/// Authentication is on, so <c>X-MS-CLIENT-PRINCIPAL</c> comes from it) and <c>WEBSITE_SITE_NAME</c> (running in Azure).
/// </summary>
internal sealed class AccessOptions
{
    public const string Section = "Auth";

    /// <summary>Null: Roles in Azure, Open elsewhere.</summary>
    public AccessMode? Mode { get; set; }

    public bool PlatformAuthentication { get; set; }

    public bool InAzure { get; set; }

    public AccessMode EffectiveMode => Mode ?? (InAzure ? AccessMode.Roles : AccessMode.Open);
}
